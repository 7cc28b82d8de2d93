package cn.rdfund.claim;

import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.money.Wan;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.organization.Organization;
import cn.rdfund.policy.AwardFormula;
import cn.rdfund.policy.AwardFormula.Award;
import cn.rdfund.policy.AwardRule;
import cn.rdfund.policy.AwardTables;
import cn.rdfund.policy.ClaimFacts;
import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.policy.OverlapSettlement;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import cn.rdfund.system.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a claim: registration (judged by the policy version in force on its reference date), the formal
 * check, the co-units' opinions, the amount by the award table (or the committee, 一事一议), the comparison with
 * other awards, approval, public notice, and the funding record that the shared disbursement process pays.
 * Every step may run twice (a retried job): each writes the same columns again, the award is opened once.
 */
@Service
public class ClaimService {

    /** instalment.basis holds this much. */
    private static final int INSTALMENT_BASIS_MAX = 1000;

    private final ClaimRepository claims;
    private final ClaimOpinionRepository opinions;
    private final MeasureCatalogue catalogue;
    private final AwardTables awards;
    private final OrganizationMembers members;
    private final OrganizationRepository organizations;
    private final ProjectService projects;
    private final DisbursementService disbursements;
    private final ClaimSettings settings;
    private final Clock clock;

    ClaimService(ClaimRepository claims, ClaimOpinionRepository opinions, MeasureCatalogue catalogue,
            AwardTables awards, OrganizationMembers members, OrganizationRepository organizations,
            ProjectService projects, DisbursementService disbursements, ClaimSettings settings, Clock clock) {
        this.claims = claims;
        this.opinions = opinions;
        this.catalogue = catalogue;
        this.awards = awards;
        this.members = members;
        this.organizations = organizations;
        this.projects = projects;
        this.disbursements = disbursements;
        this.settings = settings;
        this.clock = clock;
    }

    public PolicyClaim get(long id) {
        return claims.findById(id).orElseThrow(() -> new IllegalStateException("申领不存在: " + id));
    }

    public Optional<PolicyClaim> ofProcess(String processInstanceId) {
        return claims.findByProcessInstanceId(processInstanceId);
    }

    /** The measure as the version in force on the claim's reference date defines it, or why there is none. */
    Optional<PolicyMeasure> measureInForce(String measure, LocalDate referenceDate) {
        return catalogue.inForce(measure, referenceDate);
    }

    /** Records a (corrected) submission; the measure must be in force on the reference date (the form checked it). */
    @Transactional
    public PolicyClaim register(String processInstanceId, String claimantUserId, ClaimSubmission submission) {
        PolicyMeasure measure = catalogue.inForce(submission.measure(), submission.facts().referenceDate())
                .orElseThrow(() -> new IllegalStateException(ClaimRules.outsideEveryWindow(submission)));
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<PolicyClaim> existing = claims.findByProcessInstanceId(processInstanceId);
        if (existing.isPresent()) {
            ClaimFacts f = submission.facts();
            claims.resubmit(existing.get().id(), measure.measure(), measure.name(), measure.policyVersion(),
                    measure.catalogueDecisionId(), measure.leadUnit().name(), submission.title(), f.referenceDate(),
                    f.category(), f.baseYuan(), f.previousOutputYuan(), f.growthPercent(), f.headcount(), f.qualified(),
                    f.requestedYuan(), submission.documents(), submission.otherAward(), submission.otherAwardPolicy(),
                    submission.otherAwardWaived(), now);
            return get(existing.get().id());
        }
        long organizationId = members.organizationOf(claimantUserId)
                .orElseThrow(() -> new IllegalStateException("用户" + claimantUserId + "未关联申领单位"));
        PolicyClaim saved = claims.save(PolicyClaim.submitted(processInstanceId, measure.measure(), measure.name(),
                measure.policyVersion(), measure.catalogueDecisionId(), measure.leadUnit().name(), organizationId,
                claimantUserId, submission, now));
        claims.setCode(saved.id(), "DX" + Year.now(clock) + "-" + String.format("%06d", saved.id()));
        return get(saved.id());
    }

    @Transactional
    public void withdraw(String processInstanceId, String by) {
        claims.findByProcessInstanceId(processInstanceId)
                .ifPresent(claim -> claims.setStatus(claim.id(), PolicyClaim.WITHDRAWN, "申领单位撤回申领", by, now()));
    }

    @Transactional
    public void recordCheck(long id, String decision, String comment, String by) {
        String status = switch (decision) {
            case PolicyClaimProcess.PASS -> PolicyClaim.CHECKED;
            case PolicyClaimProcess.CORRECT -> PolicyClaim.CORRECTION;
            default -> PolicyClaim.REJECTED;
        };
        claims.setStatus(id, status, comment, by, now());
    }

    @Transactional
    public void addOpinion(long id, String unit, String opinion, String by, String taskId) {
        if (opinions.findByTaskId(taskId).isEmpty()) {
            opinions.save(new ClaimOpinion(null, id, unit, opinion, by, now(), taskId));
        }
    }

    /** The award table's verdict, recorded with the exact version of the table that gave it. */
    @Transactional
    public Award calculate(long id) {
        PolicyClaim claim = get(id);
        Optional<AwardRule> rule = catalogue.inForce(claim.measure(), claim.facts().referenceDate())
                .flatMap(measure -> awards.judge(measure, claim.facts()));
        if (rule.isEmpty()) {
            String reason = "参照日期" + claim.facts().referenceDate() + "不在措施" + claim.measure() + "任何政策版本的有效期内";
            claims.setCalculation(id, null, null, claim.policyVersion(), null, null, reason, PolicyClaim.INELIGIBLE,
                    reason, now());
            return new Award(Award.Kind.INELIGIBLE, null, reason);
        }
        AwardRule r = rule.get();
        Award award = AwardFormula.calculate(r, claim.facts());
        String status = switch (award.kind()) {
            case INELIGIBLE -> PolicyClaim.INELIGIBLE;
            case COMMITTEE -> PolicyClaim.COMMITTEE;
            case AMOUNT -> PolicyClaim.CALCULATED;
        };
        claims.setCalculation(id, r.decisionId(), r.decisionVersion(), r.policyVersion(), r.basis(), award.amount(),
                award.calculation(), status, award.kind() == Award.Kind.INELIGIBLE ? award.calculation() : null, now());
        return award;
    }

    /** 一事一议: the committee's decision replaces the formula (declined: the claim ends). */
    @Transactional
    public void recordCommittee(long id, boolean supported, String ref, BigDecimal amountYuan, String rationale,
            String by) {
        if (!supported) {
            claims.setCommitteeDecision(id, ref, rationale, by, null, "联席会议（" + ref + "）一事一议：不予支持", now());
            claims.setStatus(id, PolicyClaim.DECLINED, rationale, by, now());
            return;
        }
        PolicyClaim claim = get(id);
        AwardRule rule = catalogue.inForce(claim.measure(), claim.facts().referenceDate())
                .flatMap(measure -> awards.judge(measure, claim.facts()))
                .orElseThrow(() -> new IllegalStateException("申领" + claim.code() + "没有适用的政策版本"));
        Award award = AwardFormula.committeeDecided(rule, amountYuan, ref);
        claims.setCommitteeDecision(id, ref, rationale, by, award.amount(), award.calculation(), now());
    }

    /** 从优、就高、不重复: what remains to pay after the other awards for the same item. */
    @Transactional
    public OverlapSettlement settle(long id) {
        PolicyClaim claim = get(id);
        OverlapSettlement settlement = OverlapSettlement.settle(claim.calculatedAmount(), claim.otherAward(),
                claim.otherAwardWaived(), settings.overlapRule());
        boolean nothing = settlement.payable().signum() == 0;
        claims.setSettlement(id, settlement.rule().name(), settlement.note(), settlement.payable(),
                nothing ? PolicyClaim.NOTHING_DUE : PolicyClaim.CALCULATED, nothing ? settlement.note() : null, now());
        return settlement;
    }

    @Transactional
    public void recordApproval(long id, boolean approved, String comment, String by) {
        claims.setStatus(id, approved ? PolicyClaim.APPROVED : PolicyClaim.REFUSED, comment, by, now());
    }

    @Transactional
    public void startNotice(long id, LocalDateTime endsAt) {
        claims.startNotice(id, endsAt, now());
    }

    @Transactional
    public void concludeNotice(long id, boolean objectionUpheld, String comment, String by) {
        if (objectionUpheld) {
            claims.setStatus(id, PolicyClaim.OBJECTION_UPHELD, comment, by, now());
        }
    }

    /** Opens the funding record once and plans its instalments; returns their numbers. */
    @Transactional
    public List<Integer> openAward(long id) {
        PolicyClaim claim = get(id);
        Project project = projects.openByCode(Project.approved(claim.code(), claim.title(), claim.measure(),
                claim.organizationId(), null, null, claim.claimantUserId(), claim.payableAmount(), now()));
        projects.changeStatus(project.id(), Project.IN_PROGRESS);
        claims.award(id, project.id(), now());
        return disbursements.planAward(project.id(), Texts.clip(ClaimView.calculation(claim).replace('\n', '；'),
                INSTALMENT_BASIS_MAX));
    }

    @Transactional
    public void complete(long id) {
        PolicyClaim claim = get(id);
        projects.complete(claim.projectId());
        claims.setStatus(id, PolicyClaim.PAID, null, claim.decidedBy(), now());
    }

    String organizationName(long organizationId) {
        return organizations.findById(organizationId).map(Organization::name).orElse("?");
    }

    List<ClaimOpinion> opinionsOf(long id) {
        return opinions.findByClaimIdOrderByIdAsc(id);
    }

    List<PolicyClaim> all() {
        return claims.findAllByOrderByIdAsc();
    }

    String opinionText(long id) {
        List<ClaimOpinion> given = opinionsOf(id);
        return given.isEmpty() ? "无配合单位" : given.stream()
                .map(o -> cn.rdfund.policy.LeadUnit.valueOf(o.unit()).displayName() + "（" + o.givenBy() + "）：" + o.opinion())
                .collect(Collectors.joining("\n"));
    }

    static String yuanText(BigDecimal yuan) {
        return yuan == null ? "—" : Wan.format(yuan);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
