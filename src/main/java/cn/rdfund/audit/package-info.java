/** What auditors read: the ledger with the inputs of every amount, totals and enterprises' cap positions. */
package cn.rdfund.audit;
