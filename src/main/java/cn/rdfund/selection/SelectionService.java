package cn.rdfund.selection;

import cn.rdfund.application.Application;
import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.money.Wan;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.project.EnterpriseCommitments;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import cn.rdfund.review.ReviewResult;
import cn.rdfund.review.ReviewResultRepository;
import cn.rdfund.review.ReviewTables;
import cn.rdfund.system.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From reviewed applications to projects: ranking within the call's budget (per notice round), objections
 * during the public notice, and the projects of the final list. Every step is safe to repeat.
 */
@Service
public class SelectionService {

    /** Applications that are still being checked, corrected or reviewed. */
    private static final String REVIEWED = "REVIEWED";

    private final JdbcClient jdbc;
    private final FundingCallRepository calls;
    private final FundingCallService callService;
    private final ApplicationRepository applications;
    private final ReviewResultRepository results;
    private final ReviewTables reviewTables;
    private final OrganizationRepository organizations;
    private final EnterpriseCommitments commitments;
    private final ProjectService projects;
    private final Clock clock;

    SelectionService(JdbcClient jdbc, FundingCallRepository calls, FundingCallService callService,
            ApplicationRepository applications,
            ReviewResultRepository results, ReviewTables reviewTables, OrganizationRepository organizations,
            EnterpriseCommitments commitments, ProjectService projects, Clock clock) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.callService = callService;
        this.applications = applications;
        this.results = results;
        this.reviewTables = reviewTables;
        this.organizations = organizations;
        this.commitments = commitments;
        this.projects = projects;
        this.clock = clock;
    }

    public FundingCall callOf(String processInstanceId) {
        return callService.ofProcess(processInstanceId);
    }

    /** Ranks the call's reviewed applications for one notice round, once; a rerun reads the stored round. */
    @Transactional
    public List<Ranking> rank(long callId, int round) {
        List<Ranking> stored = ranking(callId, round);
        if (!stored.isEmpty()) {
            return stored;
        }
        FundingCall call = calls.findById(callId).orElseThrow();
        Map<Long, BigDecimal> scores = new HashMap<>();
        List<Selection.Candidate> candidates = new ArrayList<>();
        Map<Long, BigDecimal> room = new HashMap<>();
        for (Application application : applications.findByCallId(callId)) {
            BigDecimal score = results.findById(application.id()).map(ReviewResult::finalScore).orElse(null);
            if (!REVIEWED.equals(application.status()) || score == null) {
                continue;
            }
            scores.put(application.id(), score);
            candidates.add(new Selection.Candidate(application.id(), application.applicantId(), application.title(),
                    score, application.requestedAmount(), application.submittedAt()));
            room.computeIfAbsent(application.applicantId(), org -> commitments.room(org, call.measure()));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        for (Selection.Ranked ranked : Selection.select(candidates, call.totalBudget(),
                reviewTables.settingsFor(call.measure()).passScore(), room, upheldObjections(callId))) {
            jdbc.sql("""
                    INSERT INTO call_selection (call_id, notice_round, application_id, rank_no, score, outcome,
                        approved_amount, reason, ranked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(callId, round, ranked.candidate().applicationId(), ranked.rank(),
                            scores.get(ranked.candidate().applicationId()), ranked.outcome().name(), ranked.approved(),
                            ranked.reason(), now)
                    .update();
        }
        return ranking(callId, round);
    }

    public List<Ranking> ranking(long callId, int round) {
        return jdbc.sql("""
                SELECT application_id, rank_no, score, outcome, approved_amount, reason FROM call_selection
                WHERE call_id = ? AND notice_round = ? ORDER BY rank_no""")
                .params(callId, round).query(Rows.of(Ranking.class)).list();
    }

    /** The ranking as the public notice reads: rank, applicant, project, score, amount or why not. */
    public String noticeText(List<Ranking> ranking) {
        Function<Long, Application> application = id -> applications.findById(id).orElseThrow();
        return ranking.stream().map(row -> {
            Application a = application.apply(row.applicationId());
            return row.rankNo() + ". " + numbered(a) + applicantOf(a) + "《" + a.title() + "》 " + row.score().toPlainString() + "分 — "
                    + (row.selected() ? "拟立项，资助" + Wan.format(row.approvedAmount()) : "未入选：" + row.reason());
        }).collect(Collectors.joining("\n"));
    }

    /**
     * For the 处室, not for the notice: the ranked applications whose panel gave fewer valid reviews than the measure's
     * panel size (too few eligible experts without a conflict, or experts who let their time run out).
     */
    public String reviewShortfallText(long callId, List<Ranking> ranking) {
        int panelSize = reviewTables.settingsFor(calls.findById(callId).orElseThrow().measure()).panelSize();
        String shortfalls = ranking.stream()
                .flatMap(row -> results.findById(row.applicationId()).stream())
                .filter(result -> result.validReviews() < panelSize)
                .map(result -> {
                    Application a = applications.findById(result.applicationId()).orElseThrow();
                    return "《" + a.title() + "》（" + applicantOf(a) + "）：有效评审意见" + result.validReviews() + "份，少于规定的"
                            + panelSize + "份";
                })
                .collect(Collectors.joining("\n"));
        return shortfalls.isEmpty() ? "无：每项申请的有效评审意见均达到规定的" + panelSize + "份" : shortfalls;
    }

    /** The application's 申报编号 and a space, as lists name it (none before it was first submitted). */
    private static String numbered(Application application) {
        return application.code() == null ? "" : application.code() + " ";
    }

    private String applicantOf(Application application) {
        return organizations.findById(application.applicantId()).map(Organization::name).orElse("?");
    }

    /** The selected applications as options {label, value} of the objection form. */
    public List<Map<String, String>> selectedOptions(List<Ranking> ranking) {
        return ranking.stream().filter(Ranking::selected)
                .map(row -> Map.of("label", row.rankNo() + ". " + applications.findById(row.applicationId())
                        .map(a -> numbered(a) + a.title()).orElse("?"), "value", String.valueOf(row.applicationId())))
                .toList();
    }

    @Transactional
    public void recordObjection(Objection objection) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM call_objection WHERE task_id = ?").param(objection.taskId())
                .query(Integer.class).single();
        if (existing == 0) {
            jdbc.sql("""
                    INSERT INTO call_objection (call_id, notice_round, application_id, objection, registered_by, decision,
                        decision_reason, decided_by, decided_at, task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(objection.callId(), objection.round(), objection.applicationId(), objection.objection(),
                            objection.registeredBy(), objection.decision(), objection.decisionReason(),
                            objection.decidedBy(), LocalDateTime.now(clock), objection.taskId())
                    .update();
        }
    }

    private Map<Long, String> upheldObjections(long callId) {
        return jdbc.sql("""
                SELECT application_id, decision_reason FROM call_objection WHERE call_id = ? AND decision = 'UPHELD'
                ORDER BY id""")
                .param(callId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (earlier, later) -> later));
    }

    /** The projects of the final list, created once each. */
    @Transactional
    public List<Project> approve(long callId, int round, Function<Application, String> applicantUser) {
        FundingCall call = calls.findById(callId).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        return ranking(callId, round).stream().filter(Ranking::selected).map(row -> {
            Application application = applications.findById(row.applicationId()).orElseThrow();
            return projects.open(Project.approved(
                    "XM" + now.getYear() + "-" + String.format("%06d", application.id()), application.title(),
                    call.measure(), application.applicantId(), application.id(), callId,
                    applicantUser.apply(application), row.approvedAmount(), now));
        }).toList();
    }

    /** "单位《项目》" of an application, as the objection handler reads it. */
    public String describe(long applicationId) {
        Application application = applications.findById(applicationId).orElseThrow();
        return applicantName(application.applicantId()) + "《" + application.title() + "》";
    }

    public String promisedIndicators(long applicationId) {
        return applications.findById(applicationId).map(Application::promisedIndicators).orElse("");
    }

    public String applicantName(long organizationId) {
        return organizations.findById(organizationId).map(Organization::name).orElse("?");
    }

    public record Ranking(long applicationId, int rankNo, BigDecimal score, String outcome, BigDecimal approvedAmount,
            String reason) {

        public boolean selected() {
            return Selection.Outcome.SELECTED.name().equals(outcome);
        }
    }

    public record Objection(long callId, int round, long applicationId, String objection, String registeredBy,
            String decision, String decisionReason, String decidedBy, String taskId) {
    }
}
