package cn.rdfund.application;

import cn.rdfund.audit.AuditCase;
import cn.rdfund.audit.CaseSearchIndex;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.money.Wan;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.policy.FundingCaps;
import cn.rdfund.policy.FundingCapsTable;
import cn.rdfund.project.EnterpriseCommitments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Applications to calls: what is open, whether a draft is eligible, and its record. */
@Service
public class ApplicationService {

    static final String SUBMITTED = "SUBMITTED";
    private static final Set<String> UNSETTLED = Set.of(SUBMITTED, "ACCEPTED");

    private final ApplicationRepository applications;
    private final FundingCallRepository calls;
    private final OrganizationRepository organizations;
    private final OrganizationMembers members;
    private final EnterpriseCommitments commitments;
    private final FundingCapsTable caps;
    private final Clock clock;
    private final CaseSearchIndex caseSearch;

    ApplicationService(ApplicationRepository applications, FundingCallRepository calls,
            OrganizationRepository organizations, OrganizationMembers members, EnterpriseCommitments commitments,
            FundingCapsTable caps, Clock clock, CaseSearchIndex caseSearch) {
        this.applications = applications;
        this.calls = calls;
        this.organizations = organizations;
        this.members = members;
        this.commitments = commitments;
        this.caps = caps;
        this.clock = clock;
        this.caseSearch = caseSearch;
    }

    /** Calls open for applications now, as options {label, value} for the application form. */
    public List<Map<String, String>> openCallOptions() {
        LocalDateTime now = LocalDateTime.now(clock);
        return calls.findAll().stream()
                .filter(call -> "PUBLISHED".equals(call.status()) && !now.isBefore(call.opensAt()) && !now.isAfter(call.closesAt()))
                .map(call -> Map.of("label", (call.challenge() ? "【揭榜挂帅】" : "") + call.code() + " " + call.title(),
                        "value", String.valueOf(call.id())))
                .toList();
    }

    public List<String> problems(ApplicationDraft draft, String applicantUserId) {
        return Eligibility.problems(draft, facts(draft, applicantUserId, false));
    }

    /** A 补正 keeps the call it was submitted to, and may come after the window has closed. */
    public List<String> correctionProblems(ApplicationDraft draft, String applicantUserId, String processInstanceId) {
        List<String> problems = new ArrayList<>();
        applications.findByProcessInstanceId(processInstanceId)
                .filter(submitted -> !submitted.callId().equals(draft.callId()))
                .ifPresent(submitted -> problems.add("补正时不能更换申报指南"));
        problems.addAll(Eligibility.problems(draft, facts(draft, applicantUserId, true)));
        return problems;
    }

    Eligibility.Facts facts(ApplicationDraft draft, String applicantUserId, boolean correction) {
        Long applicantId = members.organizationOf(applicantUserId).orElse(null);
        FundingCall call = draft.callId() == null ? null : calls.findById(draft.callId()).orElse(null);
        CallFacts callFacts = call == null ? null
                : new CallFacts(call.measure(), call.status(), call.projectCap(), call.opensAt(), call.closesAt(),
                        call.ownerOrganizationId());
        FundingCaps measureCaps = call == null ? null : caps.capsFor(call.measure());
        Set<String> unregistered = draft.partnerUsccs().stream()
                .filter(uscc -> organizations.findByUscc(uscc).isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Eligibility.Facts(applicantId, callFacts, measureCaps,
                applicantId == null || measureCaps == null ? BigDecimal.ZERO
                        : commitments.committed(applicantId, call.measure()),
                unregistered, LocalDateTime.now(clock), correction);
    }

    /**
     * Writes (or, after a correction, rewrites) the application of this process instance as submitted. A first
     * submission takes the call's lock and finds the call still open, or is refused ({@link WindowClosed}): a closed
     * call has already counted what it waits for and would never rank it. The refusal writes nothing and leaves the
     * engine's transaction usable, so the process can take its "window closed" path.
     */
    @Transactional(noRollbackFor = WindowClosed.class)
    public Application submit(ApplicationDraft draft, ApplicationContent content, String applicantUserId,
            String processInstanceId) {
        long applicantId = members.organizationOf(applicantUserId)
                .orElseThrow(() -> new IllegalStateException("申报账号未关联单位: " + applicantUserId));
        Set<Application.Partner> partners = draft.partnerUsccs().stream()
                .map(uscc -> new Application.Partner(organizations.findByUscc(uscc).orElseThrow().id()))
                .collect(Collectors.toSet());
        LocalDateTime now = LocalDateTime.now(clock);
        Application existing = applications.findByProcessInstanceId(processInstanceId).orElse(null);
        if (existing == null) {
            calls.lockForSettling(draft.callId());
            FundingCall call = calls.findById(draft.callId()).orElseThrow();
            if (!call.acceptsApplications()) {
                throw new WindowClosed(call.code());
            }
        }
        Application saved = applications.save(new Application(existing == null ? null : existing.id(),
                existing == null ? null : existing.code(), draft.callId(), applicantId, draft.title(), draft.requested(),
                draft.coFunding(), SUBMITTED, now, processInstanceId, existing == null ? now : existing.createdAt(),
                content.projectSummary(), content.team(), content.workPlan(), content.promisedIndicators(), partners));
        if (existing == null) {
            applications.setCode(saved.id(), codeOf(saved));
            return applications.findById(saved.id()).orElseThrow();
        }
        if (!existing.title().equals(draft.title())) {
            caseSearch.renamed(AuditCase.APPLICATION, existing.id(), existing.title());
        }
        return saved;
    }

    /** 申报编号: SB, the year of the first submission, the id (as projects are XM… and claims DX…). */
    static String codeOf(Application application) {
        return "SB" + application.createdAt().getYear() + "-" + String.format("%06d", application.id());
    }

    /** Changes the status of the application this process instance submitted (not whatever id a variable holds). */
    @Transactional
    public Application changeStatusOf(String processInstanceId, String status) {
        Application application = applications.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("流程实例没有提交申报: " + processInstanceId));
        return status.equals(application.status()) ? application : applications.save(application.withStatus(status));
    }

    /**
     * How many applications to the call are still in formal check or review: a closed call (or challenge) ranks only
     * when none is left. Counted under the call's lock ({@link FundingCallRepository#lockForSettling}), which holds only
     * inside the engine's transaction: hence MANDATORY.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long unsettledOf(long callId) {
        calls.lockForSettling(callId);
        return applications.findByCallId(callId).stream().filter(a -> UNSETTLED.contains(a.status())).count();
    }

    /**
     * The process instance of the call (指南发布 or 揭榜挂帅) that the application of this process instance went to, to
     * be told that the application has ended; the call's row stays locked until this transaction ends
     * ({@link FundingCallRepository#lockForSettling}), so it must run inside the engine's transaction that correlates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> callProcessToTell(String processInstanceId) {
        return applications.findByProcessInstanceId(processInstanceId)
                .flatMap(application -> calls.findById(application.callId()))
                .map(call -> {
                    calls.lockForSettling(call.id());
                    return call.processInstanceId();
                });
    }

    /**
     * The call's process and how many applications it has received, for its 截止申报 task; empty for a call whose
     * process is not RDFund's FundingCall (a challenge's). The call's row was locked by the submission: two first
     * submissions to one call count one after the other.
     */
    public Optional<Map.Entry<String, Long>> applicationsReceivedBy(Application application) {
        return calls.findById(application.callId()).filter(call -> call.processInstanceId() != null)
                .map(call -> Map.entry(call.processInstanceId(), applications.countByCallId(call.id())));
    }

    /** What the program manager sees of an application in the formal check. */
    public Map<String, Object> summary(Application application) {
        FundingCall call = calls.findById(application.callId()).orElseThrow();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("callTitle", call.code() + " " + call.title());
        summary.put("applicantName", organizations.findById(application.applicantId()).map(Organization::name).orElse("?"));
        summary.put("requestedDisplay", Wan.format(application.requestedAmount()));
        summary.put("coFundingDisplay", Wan.format(application.coFundingAmount()));
        summary.put("partnerNames", application.partners().isEmpty() ? "无" : application.partners().stream()
                .map(partner -> organizations.findById(partner.organizationId()).map(Organization::name).orElse("?"))
                .sorted().collect(Collectors.joining("、")));
        return summary;
    }
}
