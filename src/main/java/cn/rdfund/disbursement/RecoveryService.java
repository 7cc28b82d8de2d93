package cn.rdfund.disbursement;

import cn.rdfund.ledger.Ledger;
import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerPosting;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.money.Wan;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery (追回) of a terminated project's unspent city funds: what was paid minus what the project
 * reported as spent, demanded once (a RECOVERY row), then repaid in one or more receipts (REPAYMENT rows).
 */
@Service
public class RecoveryService {

    private final ProjectService projects;
    private final DisbursementService disbursements;
    private final Ledger ledger;
    private final LedgerRepository entries;

    RecoveryService(ProjectService projects, DisbursementService disbursements, Ledger ledger, LedgerRepository entries) {
        this.projects = projects;
        this.disbursements = disbursements;
        this.ledger = ledger;
        this.entries = entries;
    }

    /** Paid minus reported spending, never below zero. */
    public BigDecimal unspent(long projectId) {
        Project project = projects.get(projectId);
        BigDecimal spent = project.spentAmount() == null ? BigDecimal.ZERO : project.spentAmount();
        return disbursements.paid(projectId).subtract(spent).max(BigDecimal.ZERO).setScale(2);
    }

    @Transactional
    public LedgerEntry demand(long projectId, String approvedBy, String processInstanceId) {
        Project project = projects.get(projectId);
        return entries.findByProjectIdAndMilestoneSeqAndKind(projectId, LedgerEntry.PROJECT_LEVEL, LedgerEntryKind.RECOVERY)
                .orElseGet(() -> ledger.record(new LedgerPosting(projectId, LedgerEntry.PROJECT_LEVEL,
                        LedgerEntryKind.RECOVERY, unspent(projectId), project.organizationId(), approvedBy,
                        project.code() + " 项目终止，追回未使用的市级财政资金", processInstanceId), "system"));
    }

    /**
     * Records receipt number {@code receipt} (numbered by the process as finance registers them), once: run
     * again, it finds the row. A receipt above what is still outstanding is refused.
     */
    @Transactional
    public LedgerEntry receive(long projectId, int receipt, BigDecimal amount, String receiptNo, String recordedBy,
            String processInstanceId) {
        Project project = projects.get(projectId);
        return entries.findByProjectIdAndMilestoneSeqAndKind(projectId, receipt, LedgerEntryKind.REPAYMENT)
                .orElseGet(() -> {
                    BigDecimal outstanding = outstanding(projectId);
                    if (amount.compareTo(outstanding) > 0) {
                        throw new IllegalStateException("到账金额" + Wan.formatExact(amount) + "超过尚未追回的"
                                + Wan.formatExact(outstanding));
                    }
                    return ledger.record(new LedgerPosting(projectId, receipt, LedgerEntryKind.REPAYMENT, amount,
                            project.organizationId(), recordedBy, project.code() + " 追回款到账，凭证号" + receiptNo,
                            processInstanceId), "system");
                });
    }

    /** Demanded minus received so far. */
    public BigDecimal outstanding(long projectId) {
        BigDecimal demanded = entries.findByProjectIdAndMilestoneSeqAndKind(projectId, LedgerEntry.PROJECT_LEVEL,
                LedgerEntryKind.RECOVERY).map(LedgerEntry::amount).orElse(BigDecimal.ZERO);
        return demanded.subtract(repayments(projectId).stream().map(LedgerEntry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private List<LedgerEntry> repayments(long projectId) {
        return entries.findByProjectIdOrderByIdAsc(projectId).stream()
                .filter(e -> e.kind() == LedgerEntryKind.REPAYMENT).toList();
    }
}
