/** Disbursement (拨付): instalments per milestone, capped per project and per enterprise, paid through the ledger. */
package cn.rdfund.disbursement;
