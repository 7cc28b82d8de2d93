package cn.rdfund.policy;

/**
 * 从优、就高、不重复: how a claim is paid when the same item already received an award under another provincial
 * or municipal policy. Chosen by configuration (rdfund.claims.overlap-rule), since localities differ.
 */
public enum OverlapRule {
    /** 补差 (default): pay the difference where this policy gives more; nothing where the other gave as much. */
    TOP_UP,
    /** Pay this policy's full amount where the claimant has given the other award up; otherwise as {@link #TOP_UP}. */
    FULL_IF_WAIVED
}
