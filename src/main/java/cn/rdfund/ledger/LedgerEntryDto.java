package cn.rdfund.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record LedgerEntryDto(
        Long id,
        Long projectId,
        int milestoneSeq,
        LedgerEntryKind kind,
        String kindName,
        BigDecimal amount,
        String amountDisplay,
        Long organizationId,
        String memo,
        String approvedBy,
        String recordedBy,
        LocalDateTime recordedAt,
        String processInstanceId) {
}
