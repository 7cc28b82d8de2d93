/** Funded projects (立项) and the milestones of their task agreements. */
package cn.rdfund.project;
