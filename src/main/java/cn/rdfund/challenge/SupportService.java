package cn.rdfund.challenge;

import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.disbursement.Reduction;
import cn.rdfund.disbursement.ReleaseEvent;
import cn.rdfund.money.Wan;
import cn.rdfund.policy.FundingCaps;
import cn.rdfund.policy.FundingCapsTable;
import cn.rdfund.project.EnterpriseCommitments;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's support to the 发榜方 (P1.1c), through the same project, instalments, finance approval and ledger as
 * the key-technology projects: planned at most when the contracts are signed, then one stage per passed milestone
 * from what the 发榜方 actually paid ({@link ChallengeSupport}).
 */
@Service
public class SupportService {

    static final String RELEASED_BY = ReleaseEvent.CHALLENGE_MILESTONE;

    private final ChallengeTeams teams;
    private final ContractMilestones milestones;
    private final ProjectService projects;
    private final DisbursementService disbursements;
    private final EnterpriseCommitments commitments;
    private final FundingCapsTable caps;
    private final ChallengeSupportTable ratios;

    SupportService(ChallengeTeams teams, ContractMilestones milestones, ProjectService projects,
            DisbursementService disbursements, EnterpriseCommitments commitments, FundingCapsTable caps,
            ChallengeSupportTable ratios) {
        this.teams = teams;
        this.milestones = milestones;
        this.projects = projects;
        this.disbursements = disbursements;
        this.commitments = commitments;
        this.caps = caps;
        this.ratios = ratios;
    }

    /** The most the support can reach if the 发榜方 pays every contract in full, after the caps, with the reasons. */
    @Transactional
    public Project plan(Challenge challenge) {
        Project project = projects.get(challenge.projectId());
        int ratio = ratios.ratioPercentFor(project.measure());
        ChallengeSupport.Stage most = stage(project, ratio, teams.contractedPayments(challenge.id()), BigDecimal.ZERO);
        String note = "支持比例" + ratio + "%，按发榜方实际支付额分阶段拨付"
                + (most.reductions().isEmpty() ? "" : "；" + reasons(most));
        return projects.approveSupport(project.id(), most.dueInAll(), note, challenge.solveBy());
    }

    /**
     * After the stage gate: the most the support can still reach is the ratio of the kept teams' contracts and of what
     * the cut teams were paid before the gate, after the caps; 立项金额 is lowered to it (never raised).
     */
    @Transactional
    public Project afterStageGate(Challenge challenge) {
        Project project = projects.get(challenge.projectId());
        int ratio = ratios.ratioPercentFor(project.measure());
        BigDecimal paidToCut = teams.of(challenge.id()).stream().filter(team -> !team.active())
                .map(team -> milestones.paidTo(team.id())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal base = teams.contractedPayments(challenge.id()).add(paidToCut);
        ChallengeSupport.Stage most = stage(project, ratio, base, BigDecimal.ZERO);
        String note = "支持比例" + ratio + "%，按发榜方实际支付额分阶段拨付；赛马淘汰后按保留团队的合同额和已向淘汰团队支付的"
                + Wan.formatExact(paidToCut) + "核定支持上限" + (most.reductions().isEmpty() ? "" : "；" + reasons(most));
        return projects.lowerSupport(project.id(), most.dueInAll(), note);
    }

    /** A stage of the support and the instalment it was planned as (0: nothing due). */
    public record PlannedStage(int instalmentSeq, String basis) {
    }

    /**
     * The stage a passed milestone releases: what is due on everything the 发榜方 has paid so far (finance confirmed),
     * less what earlier stages planned. Planned once per milestone: a rerun returns the same instalment.
     */
    @Transactional
    public PlannedStage stageFor(Challenge challenge, long teamId, int seq) {
        // Two teams' stages at the same moment: the second waits here and then sees the first one's payment and stage.
        disbursements.lockPlan(challenge.projectId());
        ContractMilestone milestone = milestones.get(teamId, seq);
        Project project = projects.get(challenge.projectId());
        if (milestone.supportSeq() != null) {
            return new PlannedStage(milestone.supportSeq(), "本阶段已计算");
        }
        BigDecimal paid = milestones.paidToSolvers(challenge.id());
        BigDecimal before = disbursements.planned(project.id());
        int ratio = ratios.ratioPercentFor(project.measure());
        ChallengeSupport.Stage stage = stage(project, ratio, paid, before).within(project.approvedAmount());
        String basis = "发榜方累计实际支付（财务确认）" + Wan.formatExact(paid) + "，按比例应支持" + Wan.formatExact(stage.share())
                + (stage.reductions().isEmpty() ? "" : "，" + reasons(stage)) + "，累计应支持" + Wan.formatExact(stage.dueInAll())
                + "，此前各阶段" + Wan.formatExact(before) + "，本阶段" + Wan.formatExact(stage.amount());
        int instalmentSeq = stage.amount().signum() > 0
                ? disbursements.planNext(project.id(), ratio, RELEASED_BY, stage.amount(), basis)
                : 0;
        milestones.recordSupport(teamId, seq, instalmentSeq);
        return new PlannedStage(instalmentSeq, basis);
    }

    /**
     * When the teams' work is over the project keeps what its stages actually planned, so the enterprise's cap
     * counts the support it received, not the most it could have reached.
     */
    @Transactional
    public Project settle(Challenge challenge) {
        Project project = projects.get(challenge.projectId());
        BigDecimal planned = disbursements.planned(project.id());
        return projects.recordFunding(project.id(), planned, project.fundingNote() + "；结题核定实际支持" + Wan.formatExact(planned));
    }

    private ChallengeSupport.Stage stage(Project project, int ratio, BigDecimal paid, BigDecimal supportedBefore) {
        FundingCaps measureCaps = caps.capsFor(project.measure());
        return ChallengeSupport.stage(paid, ratio, measureCaps,
                commitments.committedExcept(project.organizationId(), project.measure(), project.id()), supportedBefore);
    }

    private static String reasons(ChallengeSupport.Stage stage) {
        return stage.reductions().stream().map(Reduction::reason).collect(Collectors.joining("；"));
    }
}
