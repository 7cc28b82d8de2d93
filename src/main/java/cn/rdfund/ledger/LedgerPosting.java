package cn.rdfund.ledger;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;
import java.util.Objects;

/** What a caller asks the ledger to write; the ledger adds who recorded it and when. */
public record LedgerPosting(
        long projectId,
        int milestoneSeq,
        LedgerEntryKind kind,
        BigDecimal amount,
        long organizationId,
        String approvedBy,
        String memo,
        String processInstanceId) {

    public LedgerPosting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        amount = Wan.exactYuan(amount);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("记账金额必须大于0: " + amount.toPlainString());
        }
        if (milestoneSeq < LedgerEntry.PROJECT_LEVEL) {
            throw new IllegalArgumentException("里程碑序号不能为负: " + milestoneSeq);
        }
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("记账必须有财务审批人");
        }
    }
}
