/** Enterprises, universities and institutes (统一社会信用代码, district) and their users. */
package cn.rdfund.organization;
