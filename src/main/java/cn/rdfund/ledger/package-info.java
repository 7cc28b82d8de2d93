/** The append-only ledger of disbursements (拨付) and recoveries (追回), one row per project, milestone and kind. */
package cn.rdfund.ledger;
