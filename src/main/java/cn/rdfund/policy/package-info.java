/** The funding policy: lead units, measures and (in later issues) their decision tables. */
package cn.rdfund.policy;
