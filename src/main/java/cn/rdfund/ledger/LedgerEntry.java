package cn.rdfund.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of the append-only ledger. Its key (project, milestone, kind) is unique, so the same
 * instalment or recovery can be written once only, however often a service task runs.
 */
@Table("ledger_entry")
public record LedgerEntry(
        @Id Long id,
        Long projectId,
        int milestoneSeq,
        LedgerEntryKind kind,
        BigDecimal amount,
        Long organizationId,
        String memo,
        String approvedBy,
        String recordedBy,
        LocalDateTime recordedAt,
        String processInstanceId) {

    /** Milestone number used for entries that belong to the project as a whole (e.g. a recovery). */
    public static final int PROJECT_LEVEL = 0;
}
