/** Demo users, organizations and experts, seeded only in the {@code demo} profile (the default). */
package cn.rdfund.demo;
