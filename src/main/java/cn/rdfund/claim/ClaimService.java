package cn.rdfund.claim;

import cn.rdfund.audit.AuditCase;
import cn.rdfund.audit.CaseSearchIndex;
import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
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
import cn.rdfund.system.ListPage;
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
    private final CaseSearchIndex caseSearch;

    ClaimService(ClaimRepository claims, ClaimOpinionRepository opinions, MeasureCatalogue catalogue,
            AwardTables awards, OrganizationMembers members, OrganizationRepository organizations,
            ProjectService projects, DisbursementService disbursements, ClaimSettings settings, Clock clock,
            CaseSearchIndex caseSearch) {
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
        this.caseSearch = caseSearch;
    }

    Optional<PolicyClaim> find(long id) {
        return claims.findById(id);
    }

    public PolicyClaim get(long id) {
        return claims.findById(id).orElseThrow(() -> new IllegalStateException("申领不存在: " + id));
    }

    public Optional<PolicyClaim> ofProcess(String processInstanceId) {
        return claims.findByProcessInstanceId(processInstanceId);
    }

    /** The measure as the catalogue version the claim was filed under defines it. */
    Optional<PolicyMeasure> measureOf(PolicyClaim claim) {
        return catalogue.asDefinedBy(claim.catalogueDecisionId(), claim.measure(), claim.facts().referenceDate());
    }

    /**
     * Why a submission cannot be accepted, in words for the claimant: no version in force on its reference date
     * (in the catalogue or in the measure's award table, or the two disagree), the table's answer that the facts given
     * do not meet the measure (its reason), or the same item already claimed by the organization.
     */
    List<String> refusals(String processInstanceId, String claimantUserId, ClaimSubmission submission) {
        Versions versions = versions(processInstanceId, submission);
        if (versions.problem().isPresent()) {
            return List.of(versions.problem().get());
        }
        // What the table can already tell from the form is refused now, not after the lead unit's check; a claim
        // resubmitted after 补正 for the same measure and date is judged by the version it was filed under.
        AwardRule rule = claims.findByProcessInstanceId(processInstanceId).filter(filed -> sameFiling(filed, submission))
                .flatMap(filed -> awards.judgeBy(filed.awardDecisionId(), filed.measure(), submission.facts()))
                .orElse(versions.rule());
        if (!rule.eligible()) {
            return List.of("不符合申领条件：" + rule.basis());
        }
        if (!ClaimSubjects.of(submission.facts()).isEmpty()) {
            return List.of(); // the same item is the same person or certificate: ClaimSubjects
        }
        return members.organizationOf(claimantUserId)
                .flatMap(organization -> sameItem(organization, submission, processInstanceId))
                .map(earlier -> List.of(duplicate(earlier))).orElse(List.of());
    }

    private static boolean sameFiling(PolicyClaim filed, ClaimSubmission submission) {
        return filed.measure().equals(submission.measure())
                && filed.facts().referenceDate().equals(submission.facts().referenceDate());
    }

    private static String duplicate(PolicyClaim earlier) {
        return "本单位已就同一事项申领（" + earlier.code() + "，" + ClaimView.status(earlier) + "），不得重复申领";
    }

    /** The catalogue and award-table versions in force on the submission's reference date, or why there are none. */
    private record Versions(PolicyMeasure measure, AwardRule rule, Optional<String> problem) {
    }

    private Versions versions(String processInstanceId, ClaimSubmission submission) {
        Optional<PolicyMeasure> measure = catalogue.inForce(submission.measure(), submission.facts().referenceDate());
        Optional<AwardRule> rule = measure.flatMap(m -> awards.judgeClaim(processInstanceId, m, submission.facts()));
        if (rule.isEmpty()) {
            return new Versions(null, null, Optional.of(ClaimRules.outsideEveryWindow(submission)));
        }
        if (!measure.get().policyVersion().equals(rule.get().policyVersion())) {
            return new Versions(null, null, Optional.of("措施" + submission.measure() + "的政策目录（" + measure.get().policyVersion()
                    + "版）与金额决策表（" + rule.get().policyVersion() + "版）不一致，暂不能受理，请联系政策主管部门"));
        }
        return new Versions(measure.get(), rule.get(), Optional.empty());
    }

    /** A live or paid claim of the organization for the same measure, category and reference date. */
    private Optional<PolicyClaim> sameItem(long organizationId, ClaimSubmission submission, String processInstanceId) {
        return claims.findSameItem(organizationId, submission.measure(), submission.facts().referenceDate(),
                submission.facts().category(), PolicyClaim.LIVE_OR_PAID, processInstanceId);
    }

    /** The organization's other claims under the same measure, for the lead unit to compare. */
    List<PolicyClaim> earlierClaims(PolicyClaim claim) {
        return claims.findByOrganizationIdAndMeasureOrderByIdAsc(claim.organizationId(), claim.measure()).stream()
                .filter(c -> !c.id().equals(claim.id())).toList();
    }

    /**
     * Records a submission with the catalogue and award-table versions in force on its reference date; the claim
     * is judged by these two to the end, also after a correction that keeps its measure and reference date. The
     * organization's row is locked first, so two claims for the same item registered at once are told apart: the
     * later one is recorded as refused ({@link PolicyClaim#REJECTED}, "不得重复申领").
     */
    @Transactional
    public PolicyClaim register(String processInstanceId, String claimantUserId, ClaimSubmission submission) {
        long organizationId = members.organizationOf(claimantUserId)
                .orElseThrow(() -> new IllegalStateException("用户" + claimantUserId + "未关联申领单位"));
        claims.lockOrganization(organizationId);
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<PolicyClaim> existing = claims.findByProcessInstanceId(processInstanceId);
        ClaimFacts f = submission.facts();
        Filing filing = existing.filter(c -> sameFiling(c, submission)).map(Filing::of)
                .orElseGet(() -> filingInForce(processInstanceId, submission));
        if (existing.isPresent()) {
            claims.resubmit(existing.get().id(), filing.measure(), filing.measureName(), filing.policyVersion(),
                    filing.catalogueDecisionId(), filing.awardDecisionId(), filing.awardDecisionVersion(),
                    filing.leadUnit(), submission.title(), f.referenceDate(), f.category(), f.baseYuan(),
                    f.previousOutputYuan(), f.growthPercent(), f.headcount(), f.qualified(), f.requestedYuan(),
                    f.conditions(), submission.documents(), submission.otherAward(), submission.otherAwardPolicy(),
                    submission.otherAwardWaived(), submission.payee().bank(), submission.payee().account(), now);
            if (!existing.get().title().equals(submission.title())) {
                caseSearch.renamed(AuditCase.CLAIM, existing.get().id(), existing.get().title());
            }
        } else {
            PolicyClaim saved = claims.save(PolicyClaim.submitted(processInstanceId, filing, organizationId,
                    claimantUserId, submission, now));
            claims.setCode(saved.id(), "DX" + Year.now(clock) + "-" + String.format("%06d", saved.id()));
        }
        PolicyClaim claim = claims.findByProcessInstanceId(processInstanceId).orElseThrow();
        Optional.of(submission).filter(s -> ClaimSubjects.of(s.facts()).isEmpty())
                .flatMap(s -> sameItem(organizationId, s, processInstanceId)).ifPresent(earlier ->
                claims.setStatus(claim.id(), PolicyClaim.REJECTED, duplicate(earlier), "system", now));
        return get(claim.id());
    }

    private Filing filingInForce(String processInstanceId, ClaimSubmission submission) {
        Versions versions = versions(processInstanceId, submission);
        if (versions.problem().isPresent()) {
            throw new IllegalStateException(versions.problem().get());
        }
        return Filing.of(versions.measure(), versions.rule());
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

    /** The award table's verdict, by the version the claim was filed under. */
    @Transactional
    public Award calculate(long id) {
        PolicyClaim claim = get(id);
        AwardRule rule = ruleOf(claim);
        Award award = AwardFormula.calculate(rule, claim.facts());
        String status = switch (award.kind()) {
            case INELIGIBLE -> PolicyClaim.INELIGIBLE;
            case COMMITTEE -> PolicyClaim.COMMITTEE;
            case AMOUNT -> PolicyClaim.CALCULATED;
        };
        claims.setCalculation(id, rule.decisionId(), rule.decisionVersion(), rule.policyVersion(), rule.basis(),
                award.amount(), award.calculation(), status,
                award.kind() == Award.Kind.INELIGIBLE ? award.calculation() : null, now());
        return award;
    }

    private AwardRule ruleOf(PolicyClaim claim) {
        return awards.judgeBy(claim.awardDecisionId(), claim.measure(), claim.facts())
                .orElseThrow(() -> new IllegalStateException("申领" + claim.code() + "登记时的决策表" + claim.awardDecisionId()
                        + "没有适用的规则"));
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
        Award award = AwardFormula.committeeDecided(ruleOf(get(id)), amountYuan, ref);
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
        } else {
            claims.setStatusOnly(id, PolicyClaim.NOTICE_PASSED, now());
        }
    }

    /** How the claim's award was worked out, in words, with the award table by its name. */
    public String calculationText(PolicyClaim claim) {
        String table = claim.awardDecisionId() == null ? null
                : awards.nameOf(claim.awardDecisionId()).orElse("奖励金额表");
        return ClaimView.calculation(claim, table);
    }

    /** Opens the funding record once and plans its instalments; returns their numbers. */
    @Transactional
    public List<Integer> openAward(long id) {
        PolicyClaim claim = get(id);
        Project project = projects.openByCode(Project.approved(claim.code(), claim.title(), claim.measure(),
                claim.organizationId(), null, null, claim.claimantUserId(), claim.payableAmount(), now()));
        projects.changeStatus(project.id(), Project.IN_PROGRESS);
        claims.award(id, project.id(), now());
        return disbursements.planAward(project.id(), Texts.clip(calculationText(claim).replace('\n', '；'),
                INSTALMENT_BASIS_MAX));
    }

    @Transactional
    public void complete(long id) {
        PolicyClaim claim = get(id);
        projects.complete(claim.projectId());
        claims.setStatusOnly(id, PolicyClaim.PAID, now());
    }

    boolean organizationExists(long organizationId) {
        return organizations.existsById(organizationId);
    }

    /** The organization's claims under one measure, oldest first. */
    List<PolicyClaim> ofOrganization(long organizationId, String measure) {
        return claims.findByOrganizationIdAndMeasureOrderByIdAsc(organizationId, measure);
    }

    String organizationName(long organizationId) {
        return organizations.findById(organizationId).map(Organization::name).orElse("?");
    }

    List<ClaimOpinion> opinionsOf(long id) {
        return opinions.findByClaimIdOrderByIdAsc(id);
    }

    /** A page of the claims a list may show, as the database selects them for the scope (newest first). */
    List<PolicyClaim> page(OrganizationAccess.ListScope scope, ListPage page) {
        if (scope.nothing()) {
            return List.of();
        }
        return claims.page(scope.everything(), scope.leadUnitsForSql(), scope.organizationIdForSql(), page.size(),
                page.offset());
    }

    String opinionText(long id) {
        List<ClaimOpinion> given = opinionsOf(id);
        return given.isEmpty() ? "无配合单位" : given.stream()
                .map(o -> cn.rdfund.bureau.LeadUnit.valueOf(o.unit()).displayName() + "（" + o.givenBy() + "）：" + o.opinion())
                .collect(Collectors.joining("\n"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
