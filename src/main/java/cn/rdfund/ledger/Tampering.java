package cn.rdfund.ledger;

/** The kinds of damage the chain check names, with the words auditors read. */
public enum Tampering {
    /** A row's content no longer matches the digest its seal holds. */
    MODIFIED_ROW("记录被修改"),
    /** A seal is there, its row is gone. */
    DELETED_ROW("记录被删除"),
    /** A row without any seal: written around the ledger (directly into the database), or its seal was deleted. */
    UNSEALED_ROW("记录没有封存"),
    /** A seal number is missing from the chain: a row was deleted together with its seal. */
    MISSING_SEAL("封存缺失"),
    /** A seal does not follow the one before it. */
    CHAIN_BROKEN("封存链断开"),
    /** The seal's MAC is not the one its key gives: the seal was rewritten, or made anew with another key. */
    FORGED_SEAL("封存伪造或他钥重封"),
    /** The seal names a key this installation does not have. */
    UNKNOWN_KEY("未知密钥"),
    /** Every seal is gone while the chain head or the checkpoint says there were some. */
    SEALS_WIPED("封存被清空"),
    /** The chain ends before the chain head or the checkpoint says it did: its last rows and seals were deleted. */
    TRUNCATED("链尾被截断"),
    /** A seal differs from the checkpoint written when it was made: the chain was rewritten or sealed anew. */
    CHECKPOINT_MISMATCH("与检查点不符"),
    /** The chain head row disagrees with the last seal. */
    HEAD_MISMATCH("链头被改动");

    private final String label;

    Tampering(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
