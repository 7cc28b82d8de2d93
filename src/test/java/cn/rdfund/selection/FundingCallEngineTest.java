package cn.rdfund.selection;

import static cn.rdfund.selection.FundingCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.calendar.WorkingCalendar;
import cn.rdfund.call.FundingCall;
import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import cn.rdfund.system.tasks.FreshFormAnswers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/call/FundingCall.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml): the draft
 * returned with a comment and approved; the window closed early by the manager or by its timer; the ranking waiting
 * for the last application to be settled (message ApplicationSettled); a call with nothing fundable; the public notice
 * ending on its working day and its list approved; an objection upheld (a new round of ranking and notice) or
 * rejected (the same list and end). The steps that write the call, the ranking, the objections and the projects are
 * recorders; the ranking's step, the objection's registrar and decision and the fresh forms are the real ones (with a
 * recording SelectionService and the real notice period), because the rounds, the notice's end and what the handler
 * reads depend on them. The ranking within the budget is tested with the rules (SelectionTest, CallDraftCheckTest);
 * the call as written, the timer at the window's last day, the notice text, the projects started, the draft's checks
 * and who may approve over the whole application (FundingCallProcessTest, SelectionProcessTest,
 * FundingCallOverHttpTest).
 */
@EngineOnlyTest
@Deployment(resources = {"bpmn/call/FundingCall.bpmn", "bpmn/call/CallDraftForm.form",
        "bpmn/call/CallApprovalForm.form", "bpmn/call/CallWindowForm.form", "bpmn/call/PublicNoticeForm.form",
        "bpmn/call/ObjectionForm.form"})
class FundingCallEngineTest {

    private static final String DRAFTER = "kjj";
    private static final long CALL = 5L;
    private static final ZoneId SHENYANG = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant WINDOW_CLOSES = NOW.plus(Duration.ofDays(30));
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of(), Set.of());
    /** The applications that may be reviewed, as the notice and the objection handler name them. */
    private static final Map<Long, String> APPLICATIONS = Map.of(101L, "甲单位《高分项目》",
            102L, "乙单位《中分项目》", 103L, "丙单位《小额项目》");

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();
    private final Selections selections = new Selections();
    /** The call's applications still in formal check or review when the call checks. */
    private long unsettled;

    /**
     * The selection's database as the real steps use it: each round ranks the reviewed applications (in order, those
     * with an upheld objection excluded) and records it, and each decided objection is recorded.
     */
    private final class Selections extends SelectionService {
        private final Set<Long> reviewed = new LinkedHashSet<>();
        private final Set<Long> excluded = new LinkedHashSet<>();
        private final Map<Integer, List<Ranking>> rounds = new HashMap<>();

        Selections() {
            super(null, null, null, null, null, null, null, null, null, null);
        }

        @Override
        public FundingCall callOf(String processInstanceId) {
            return new FundingCall(CALL, "ZN2026-001", null, "P1.1b", null, null, null, null, null, "CLOSED",
                    processInstanceId, DRAFTER, null, null, Set.of());
        }

        @Override
        public List<Ranking> rank(long callId, int round) {
            calls.add("rank round " + round);
            List<Ranking> ranking = new ArrayList<>();
            for (long application : reviewed) {
                boolean out = excluded.contains(application);
                ranking.add(new Ranking(application, ranking.size() + 1, new BigDecimal(90 - ranking.size() * 5),
                        out ? Selection.Outcome.EXCLUDED.name() : Selection.Outcome.SELECTED.name(),
                        out ? null : new BigDecimal("3000000.00"), out ? "异议成立" : null));
            }
            rounds.put(round, ranking);
            return ranking;
        }

        @Override
        public String noticeText(List<Ranking> ranking) {
            return ranking.stream().map(row -> row.rankNo() + ". " + APPLICATIONS.get(row.applicationId()) + " — "
                    + (row.selected() ? "拟立项" : "未入选：" + row.reason())).collect(Collectors.joining("\n"));
        }

        @Override
        public String reviewShortfallText(long callId, List<Ranking> ranking) {
            return "无：每项申请的有效评审意见均达到规定的5份";
        }

        @Override
        public List<Map<String, String>> selectedOptions(List<Ranking> ranking) {
            return ranking.stream().filter(Ranking::selected).map(row -> Map.of("label",
                    APPLICATIONS.get(row.applicationId()), "value", String.valueOf(row.applicationId()))).toList();
        }

        @Override
        public String describe(long applicationId) {
            return APPLICATIONS.get(applicationId);
        }

        @Override
        public void recordObjection(Objection objection) {
            calls.add("objection to " + objection.applicationId() + " in round " + objection.round() + " registered by "
                    + objection.registeredBy() + " " + objection.decision() + " by " + objection.decidedBy() + "："
                    + objection.decisionReason());
            if (UPHELD.equals(objection.decision())) {
                excluded.add(objection.applicationId());
            }
        }

        /** The applications selected in that round, as ServiceTask_ApproveProjects turns them into projects. */
        private String selectedIn(int round) {
            return rounds.get(round).stream().filter(Ranking::selected).map(row -> String.valueOf(row.applicationId()))
                    .collect(Collectors.joining(", "));
        }
    }

    @BeforeEach
    void registerBeans() {
        steps = new EngineOnlySteps(processEngine);
        SelectionDelegates selection = new SelectionDelegates();
        SelectionTimes times = new SelectionTimes(Clock.fixed(NOW, SHENYANG), CALENDAR, "PT24H", 5, null);
        Mocks.register("labelTaskWithCase", (TaskListener) task -> { });
        Mocks.register("freshFormAnswers", new FreshFormAnswers());
        Mocks.register("publishCall", (JavaDelegate) execution -> {
            calls.add("publish " + execution.getVariable("title") + " capped at " + execution.getVariable("projectCapWan")
                    + "万元");
            execution.setVariable(CALL_ID, CALL);
            execution.setVariable(CALL_CODE, "ZN2026-001");
            execution.setVariable(CLOSES_AT, WINDOW_CLOSES.atZone(SHENYANG).toOffsetDateTime().toString());
        });
        Mocks.register("closeCall", (JavaDelegate) execution -> calls.add("close"));
        Mocks.register("checkReviewsFinished", (JavaDelegate) execution -> {
            calls.add(unsettled + " unsettled");
            execution.setVariable(PENDING_APPLICATIONS, unsettled);
            execution.setVariable(REVIEWS_FINISHED, unsettled == 0);
        });
        Mocks.register("rankApplications", selection.rankApplications(selections, times));
        Mocks.register("closeWithoutProjects", (JavaDelegate) execution -> calls.add("NO_FUNDABLE"));
        Mocks.register("stampObjectionRegistrar", selection.stampObjectionRegistrar(selections));
        Mocks.register("recordObjectionDecision", selection.recordObjectionDecision(selections));
        Mocks.register("approveProjects", (JavaDelegate) execution -> {
            int round = (Integer) execution.getVariable(NOTICE_ROUND);
            calls.add("projects of round " + round + ": " + selections.selectedIn(round));
        });
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    /** A manager of 市科技局 starts a call: they are to draft it. */
    private ProcessInstance start() {
        processEngine.getIdentityService().setAuthenticatedUserId(DRAFTER);
        ProcessInstance call;
        try {
            call = processEngine.getRuntimeService().startProcessInstanceByKey(KEY);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(call).isWaitingAt(TASK_DRAFT);
        assertThat(steps.open(TASK_DRAFT)).isAssignedTo(DRAFTER);
        return call;
    }

    private void draft(String projectCapWan) {
        steps.complete(TASK_DRAFT, DRAFTER, Map.of("title", "2026年生物医药关键核心技术攻关指南", "measure", "P1.1b",
                "totalBudgetWan", "3000", "projectCapWan", projectCapWan, "opensOn", "2026-03-01",
                "closesOn", "2026-03-31"));
    }

    /** Drafted, approved by a colleague and published: the window is open. */
    private ProcessInstance published() {
        ProcessInstance call = start();
        draft("700");
        steps.complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, APPROVE));
        assertThat(call).isWaitingAt(TASK_CLOSE_WINDOW);
        return call;
    }

    /** The manager closed the window with these applications reviewed and none pending: the list is on notice. */
    private ProcessInstance onNotice(long... reviewed) {
        for (long application : reviewed) {
            selections.reviewed.add(application);
        }
        ProcessInstance call = published();
        steps.complete(TASK_CLOSE_WINDOW, DRAFTER, Map.of());
        assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE);
        return call;
    }

    /** A colleague registers a written objection against one listed project during the notice. */
    private void objectTo(long application, String objection) {
        steps.complete(TASK_PUBLIC_NOTICE, "kjj2", Map.of(OBJECTION_APPLICATION_ID, String.valueOf(application),
                OBJECTION, objection));
    }

    private Object variable(ProcessInstance call, String name) {
        return processEngine.getRuntimeService().getVariable(call.getId(), name);
    }

    private Date timerDue(String timerActivity) {
        return steps.timer(timerActivity).getDuedate();
    }

    /** An application of the call ends (rejected at the formal check or reviewed): it tells the call. */
    private void anApplicationIsSettled(ProcessInstance call) {
        unsettled--;
        processEngine.getRuntimeService().createMessageCorrelation(FundingApplicationProcess.APPLICATION_SETTLED)
                .processInstanceId(call.getId()).correlateAll();
        steps.runDueJobs();
    }

    @Test
    void aReturnedDraftGoesBackToTheDrafterWithTheCommentAndOnlyTheApprovedOneIsPublished() {
        ProcessInstance call = start();
        draft("700");
        assertThat(steps.open(TASK_APPROVE)).hasCandidateGroup("pm-kjj");

        steps.complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, RETURN, APPROVAL_COMMENT, "上限调整为500万元"));
        assertThat(call).isWaitingAt(TASK_DRAFT);
        assertThat(steps.open(TASK_DRAFT)).isAssignedTo(DRAFTER);
        assertThat(variable(call, APPROVAL_COMMENT)).as("the drafter reads why").isEqualTo("上限调整为500万元");
        draft("500");
        assertThat(variable(call, APPROVAL_DECISION)).as("the reviewer decides afresh").isNull();
        assertThat(variable(call, APPROVAL_COMMENT)).isNull();
        assertThat(calls).isEmpty();
        steps.complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, APPROVE));

        assertThat(call).isWaitingAt(TASK_CLOSE_WINDOW).hasPassed(PUBLISH);
        assertThat(steps.open(TASK_CLOSE_WINDOW)).as("the drafter or a colleague may close the window early")
                .isAssignedTo(DRAFTER).hasCandidateGroupAssociated("pm-kjj");
        assertThat(timerDue(WINDOW_EXPIRED)).as("the window closes itself when the call says")
                .isEqualTo(Date.from(WINDOW_CLOSES));
        assertThat(calls).containsExactly("publish 2026年生物医药关键核心技术攻关指南 capped at 500万元");
    }

    @Test
    void aCallClosedEarlyWithNothingFundableEndsWithoutProjects() {
        ProcessInstance call = published();

        steps.complete(TASK_CLOSE_WINDOW, DRAFTER, Map.of());

        assertThat(call).isEnded().hasPassed(CLOSE, RANK, END_NO_FUNDABLE)
                .hasNotPassed(WINDOW_EXPIRED, AWAIT_REVIEWS, TASK_PUBLIC_NOTICE);
        assertThat(calls).containsExactly("publish 2026年生物医药关键核心技术攻关指南 capped at 700万元", "close",
                "0 unsettled", "rank round 1", "NO_FUNDABLE");
        assertThat(processEngine.getManagementService().createJobQuery().count()).as("the window's timer is gone").isZero();
    }

    @Test
    void theWindowClosesOnItsDateAndTheCallRanksOnlyWhenTheLastApplicationIsSettled() {
        selections.reviewed.add(101L);
        ProcessInstance call = published();
        unsettled = 3;
        anApplicationIsSettled(call);
        assertThat(call).as("a call not yet waiting is not affected").isWaitingAt(TASK_CLOSE_WINDOW);

        steps.deadlinePasses(WINDOW_EXPIRED);
        assertThat(call).isWaitingAt(AWAIT_REVIEWS).hasPassed(CLOSE);
        assertThat(variable(call, PENDING_APPLICATIONS)).isEqualTo(2L);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(call.getId()).count())
                .as("the call waits for the message alone, no timer polls").isZero();
        anApplicationIsSettled(call);
        assertThat(call).isWaitingAt(AWAIT_REVIEWS);
        anApplicationIsSettled(call);

        assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE).hasPassed(WINDOW_EXPIRED, APPLICATION_SETTLED);
        assertThat(calls).containsExactly("publish 2026年生物医药关键核心技术攻关指南 capped at 700万元", "close",
                "2 unsettled", "1 unsettled", "0 unsettled", "rank round 1");
    }

    @Test
    void theNoticeEndsOnItsFifthWorkingDayAndItsListBecomesProjects() {
        ProcessInstance call = onNotice(101L, 103L);
        assertThat(steps.open(TASK_PUBLIC_NOTICE)).hasCandidateGroup("pm-kjj");
        assertThat(variable(call, NOTICE_ROUND)).isEqualTo(1);
        assertThat(variable(call, SELECTED_COUNT)).isEqualTo(2L);
        assertThat(variable(call, SELECTION_NOTICE)).isEqualTo("1. 甲单位《高分项目》 — 拟立项\n2. 丙单位《小额项目》 — 拟立项");
        ZonedDateTime noticeEnds = CALENDAR.addWorkingDays(LocalDate.ofInstant(NOW, SHENYANG), 5).atTime(23, 59, 59)
                .atZone(SHENYANG);
        assertThat(timerDue(NOTICE_ENDED)).isEqualTo(Date.from(noticeEnds.toInstant()));
        assertThat(variable(call, NOTICE_ENDS_DISPLAY)).as("what the notice's readers see")
                .isEqualTo(noticeEnds.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));

        steps.deadlinePasses(NOTICE_ENDED);

        assertThat(call).isEnded().hasPassed(NOTICE_ENDED, END_PROJECTS_APPROVED)
                .hasNotPassed(TASK_HANDLE_OBJECTION, END_NO_FUNDABLE);
        assertThat(calls).endsWith("rank round 1", "projects of round 1: 101, 103");
    }

    @Test
    void anUpheldObjectionTakesTheProjectOffTheListAndStartsANewNotice() {
        ProcessInstance call = onNotice(101L, 102L);

        objectTo(101L, "实名举报：核心团队成员同时承担另一市级项目，工作量重复");
        assertThat(call).isWaitingAt(TASK_HANDLE_OBJECTION).hasNotPassed(NOTICE_ENDED);
        assertThat(steps.open(TASK_HANDLE_OBJECTION)).hasCandidateGroup("pm-kjj");
        assertThat(variable(call, OBJECTION_REGISTERED_BY)).as("the registrar, from the login").isEqualTo("kjj2");
        assertThat(variable(call, OBJECTION_TARGET)).as("what the handler reads").isEqualTo("甲单位《高分项目》");
        assertThat(processEngine.getManagementService().createJobQuery().timers().count())
                .as("a pending objection holds the notice open").isZero();
        steps.complete(TASK_HANDLE_OBJECTION, DRAFTER, Map.of(OBJECTION_DECISION, UPHELD, OBJECTION_REASON, "经核查，团队重复申报属实"));

        assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE);
        assertThat(variable(call, NOTICE_ROUND)).isEqualTo(2);
        assertThat(variable(call, SELECTION_NOTICE)).isEqualTo("1. 甲单位《高分项目》 — 未入选：异议成立\n2. 乙单位《中分项目》 — 拟立项");
        assertThat(variable(call, OBJECTION_APPLICATION_ID)).as("the next objection starts blank").isNull();
        assertThat(variable(call, OBJECTION)).isNull();
        steps.deadlinePasses(NOTICE_ENDED);

        assertThat(call).isEnded().hasPassed(END_PROJECTS_APPROVED);
        assertThat(calls).containsSubsequence("rank round 1",
                "objection to 101 in round 1 registered by kjj2 UPHELD by kjj：经核查，团队重复申报属实", "rank round 2",
                "projects of round 2: 102");
    }

    @Test
    void aRejectedObjectionKeepsTheListAndTheNoticePeriod() {
        ProcessInstance call = onNotice(101L);
        Object noticeEnds = variable(call, NOTICE_ENDS_AT);
        Date due = timerDue(NOTICE_ENDED);

        objectTo(101L, "匿名来信：经费预算偏高");
        steps.complete(TASK_HANDLE_OBJECTION, DRAFTER, Map.of(OBJECTION_DECISION, REJECTED,
                OBJECTION_REASON, "预算经专家评审认定合理，异议不成立"));

        assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE);
        assertThat(variable(call, NOTICE_ROUND)).isEqualTo(1);
        assertThat(variable(call, NOTICE_ENDS_AT)).isEqualTo(noticeEnds);
        assertThat(timerDue(NOTICE_ENDED)).as("the notice ends when it would have").isEqualTo(due);
        assertThat(variable(call, OBJECTION)).as("the next objection starts blank").isNull();
        steps.deadlinePasses(NOTICE_ENDED);

        assertThat(call).isEnded().hasPassed(END_PROJECTS_APPROVED);
        assertThat(calls).containsSubsequence("rank round 1",
                "objection to 101 in round 1 registered by kjj2 REJECTED by kjj：预算经专家评审认定合理，异议不成立",
                "projects of round 1: 101");
        assertThat(calls).filteredOn(c -> c.startsWith("rank")).as("ranked once").hasSize(1);
    }
}
