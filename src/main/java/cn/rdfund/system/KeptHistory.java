package cn.rdfund.system;

/**
 * Which finished process hierarchies keep their history beyond their time to live ({@link HistoryRetentionPlugin} asks
 * it when a hierarchy ends). Implemented where the rule is known: what the ledger and the selections point to (audit).
 */
public interface KeptHistory {

    /** Runs in the transaction that ends the hierarchy, so it also sees the rows that transaction wrote. */
    boolean keepForever(String rootProcessInstanceId);
}
