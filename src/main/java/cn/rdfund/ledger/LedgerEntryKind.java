package cn.rdfund.ledger;

public enum LedgerEntryKind {
    /** 拨付: money paid to the organization. */
    DISBURSEMENT("拨付"),
    /** 追回: money the organization must pay back. */
    RECOVERY("追回"),
    /** 追回到账: part or all of a recovery paid back; one row per receipt (milestone_seq = receipt number). */
    REPAYMENT("追回到账");

    private final String displayName;

    LedgerEntryKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
