package cn.rdfund.disbursement;

import cn.rdfund.ledger.DuplicateLedgerEntryException;
import cn.rdfund.ledger.Ledger;
import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerPosting;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.money.Wan;
import cn.rdfund.policy.FundingCapsTable;
import cn.rdfund.project.EnterpriseCommitments;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a project's instalments when its agreement is signed and pays them one by one after finance
 * approves. Paying is idempotent: the ledger's key (project, instalment, kind) lets one payment through.
 */
@Service
public class DisbursementService {

    private final Instalments instalments;
    private final ProjectService projects;
    private final EnterpriseCommitments commitments;
    private final FundingCapsTable caps;
    private final DisbursementScheduleTable schedule;
    private final Ledger ledger;
    private final LedgerRepository entries;

    DisbursementService(Instalments instalments, ProjectService projects, EnterpriseCommitments commitments,
            FundingCapsTable caps, DisbursementScheduleTable schedule, Ledger ledger, LedgerRepository entries) {
        this.instalments = instalments;
        this.projects = projects;
        this.commitments = commitments;
        this.caps = caps;
        this.schedule = schedule;
        this.ledger = ledger;
        this.entries = entries;
    }

    /**
     * Plans once: caps the approved amount (recording why), splits it by the schedule in force (as many instalments
     * as it has rows, each released at one of the project's release points), stores both.
     */
    @Transactional
    public InstalmentPlan plan(long projectId) {
        Project project = projects.get(projectId);
        List<InstalmentShare> shares = schedule.scheduleFor(project.measure());
        ReleaseEvent.requireProjectLifecycle(project.measure(), shares);
        InstalmentPlan plan = InstalmentPlanner.plan(project.approvedAmount(), caps.capsFor(project.measure()),
                commitments.committedExcept(project.organizationId(), project.measure(), projectId), shares);
        if (instalments.of(projectId).isEmpty()) {
            plan.instalments().forEach(i -> instalments.insert(
                    new Instalment(projectId, i.seq(), i.percent(), i.releasedBy(), i.amount())));
            projects.recordFunding(projectId, plan.fundedAmount(), plan.reduced()
                    ? plan.reductions().stream().map(r -> r.reason()).collect(Collectors.joining("；")) : null);
        }
        return plan;
    }

    /**
     * Plans an award (a claim under P1.2–P6.3) once: the approved amount split by the schedule's shares, with no cap
     * left to apply (the award table applied it), each instalment carrying how the award was calculated so that
     * finance sees it. Returns the instalment numbers, the first due at once.
     */
    @Transactional
    public List<Integer> planAward(long projectId, String basis) {
        Project project = projects.get(projectId);
        if (instalments.of(projectId).isEmpty()) {
            InstalmentPlanner.split(project.approvedAmount(), schedule.scheduleFor(project.measure()))
                    .forEach(i -> instalments.insert(new Instalment(projectId, i.seq(), i.percent(), i.releasedBy(),
                            i.amount(), basis)));
            projects.recordFunding(projectId, project.approvedAmount(), null);
        }
        return instalmentNumbers(projectId);
    }

    public List<Integer> instalmentNumbers(long projectId) {
        return instalments.of(projectId).stream().map(Instalment::seq).sorted().toList();
    }

    /**
     * Adds the next instalment of a project paid in stages as they fall due (揭榜挂帅 support) and returns its
     * number. Two nodes adding one at the same moment collide on the instalment's key: the retried job adds it after.
     */
    @Transactional
    public int planNext(long projectId, int percent, String releasedBy, BigDecimal amount, String basis) {
        int seq = instalments.of(projectId).stream().mapToInt(Instalment::seq).max().orElse(0) + 1;
        instalments.insert(new Instalment(projectId, seq, percent, releasedBy, amount, basis));
        return seq;
    }

    /**
     * Holds the project's plan until the transaction ends, so that a stage computed at the same moment by another
     * node waits and then reads this one's (a row lock on the project).
     */
    @Transactional
    public void lockPlan(long projectId) {
        instalments.lockProject(projectId);
    }

    /** The numbers of the project's planned instalments that a release event pays, in order (none: it pays nothing). */
    public List<Integer> releasedBy(long projectId, String event) {
        return instalments.of(projectId).stream().filter(i -> event.equals(i.releasedBy())).map(Instalment::seq)
                .sorted().toList();
    }

    /** Everything planned for a project so far, paid or waiting for finance. */
    public BigDecimal planned(long projectId) {
        return instalments.of(projectId).stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What finance sees before approving an instalment: the amount and every input of its calculation. */
    public Map<String, Object> view(long projectId, int seq) {
        Project project = projects.get(projectId);
        List<Instalment> plan = instalments.of(projectId);
        Instalment instalment = plan.stream().filter(i -> i.seq() == seq).findFirst()
                .orElseThrow(() -> missing(projectId, seq));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instalmentDisplay", Wan.format(instalment.amount()));
        view.put("instalmentBasis", "第" + seq + "期（" + ReleaseEvent.label(instalment.releasedBy()) + "），"
                + ReleaseEvent.percentText(instalment.releasedBy(), instalment.percent())
                + (instalment.basis() == null ? "" : "。" + instalment.basis()));
        view.put("approvedDisplay", Wan.format(project.approvedAmount()));
        view.put("fundedDisplay", Wan.format(project.committedAmount()));
        view.put("fundingNote", project.fundingNote() == null ? "未核减" : project.fundingNote());
        view.put("paidDisplay", Wan.format(paid(projectId)));
        view.put("planDisplay", plan.stream()
                .map(i -> "第" + i.seq() + "期 " + ReleaseEvent.percentText(i.releasedBy(), i.percent()) + " "
                        + Wan.format(i.amount()) + "（"
                        + ReleaseEvent.label(i.releasedBy()) + "）")
                .collect(Collectors.joining("\n")));
        return view;
    }

    /** Writes the approved instalment to the ledger; run again, it finds the row already there. */
    @Transactional
    public LedgerEntry pay(long projectId, int seq, String approvedBy, String processInstanceId) {
        Project project = projects.get(projectId);
        Instalment instalment = instalment(projectId, seq);
        return entries.findByProjectIdAndMilestoneSeqAndKind(projectId, seq, LedgerEntryKind.DISBURSEMENT)
                .orElseGet(() -> {
                    try {
                        return ledger.record(new LedgerPosting(projectId, seq, LedgerEntryKind.DISBURSEMENT,
                                instalment.amount(), project.organizationId(), approvedBy,
                                project.code() + " 第" + seq + "期拨付（" + instalment.percent() + "%）",
                                processInstanceId), "system");
                    } catch (DuplicateLedgerEntryException e) {
                        throw new IllegalStateException("第" + seq + "期已由另一节点记账，本次不再重复记账", e);
                    }
                });
    }

    public BigDecimal paid(long projectId) {
        return entries.findByProjectIdOrderByIdAsc(projectId).stream()
                .filter(e -> e.kind() == LedgerEntryKind.DISBURSEMENT)
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Instalment instalment(long projectId, int seq) {
        return instalments.find(projectId, seq).orElseThrow(() -> missing(projectId, seq));
    }

    private static IllegalStateException missing(long projectId, int seq) {
        return new IllegalStateException("项目" + projectId + "没有第" + seq + "期拨付计划");
    }
}
