package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.disbursement.ReleaseEvent;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import cn.rdfund.system.tasks.FreshFormAnswers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/project/ProjectExecution.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml), with the
 * Disbursement and ExpertPanel it calls replaced by stubs: the agreement drafted, returned or approved and signed; the
 * instalments of each release point paid; the mid-term check started early or on its date, rectified once, passed or
 * failed; acceptance with one extension; termination with or without a recovery, each receipt recorded by one finance
 * user and confirmed or sent back by another; and every missed deadline escalated to the manager while the work goes
 * on. The steps that write the project, money and ledger are recorders; the listeners that only move variables
 * (the mid-term round, the fresh forms, who confirmed what) are the real ones, because the model's paths and what the
 * next person reads depend on them. The money, ledger, roles and forms are tested with the rules (ProjectRulesTest,
 * AgreementTermsTest) and over the whole application (ProjectExecutionProcessTest, FourEyesOverHttpTest).
 */
@EngineOnlyTest
@Deployment(resources = {"bpmn/project/ProjectExecution.bpmn", "bpmn/project/AgreementApprovalForm.form",
        "bpmn/project/FinalReportForm.form", "bpmn/project/ExtensionApprovalForm.form",
        "bpmn/project/RepaymentForm.form", "bpmn/project/RepaymentReviewForm.form"})
class ProjectExecutionEngineTest {

    private static final String CODE = "P-2026-001";
    private static final String APPLICANT_USER = "applicant1";
    private static final long APPLICATION = 42L;
    private static final String PANEL_TASK = "Task_StubPanel";
    private static final String PANEL_OVERDUE = "BoundaryEvent_StubPanelOverdue";
    private static final String MIDTERM_PANEL = "CallActivity_MidtermPanel";
    private static final String REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    private static final String ACCEPTANCE_OVERDUE = "BoundaryEvent_AcceptanceOverdue";
    private static final String REPAYMENT_OVERDUE = "BoundaryEvent_RepaymentOverdue";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Date MIDTERM_STARTS = Date.from(NOW.plus(Duration.ofDays(270)));
    private static final Date ACCEPTANCE_DUE = Date.from(NOW.plus(Duration.ofDays(540)));
    private static final Date EXTENDED_DUE = Date.from(NOW.plus(Duration.ofDays(720)));

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();
    private final Set<String> labelled = new TreeSet<>();
    private boolean unspentFunds = true;
    /** How many confirmed receipts repay the recovery. */
    private int receiptsToRepay = 1;

    /** The deadlines ({@code ${projectTimes.period('report')}}, due and follow-up dates); public for the expression language. */
    public static final class Times {
        private static final Map<String, String> PERIODS = Map.of("agreement", "P30D", "report", "P15D",
                "rectification", "P60D", "repayment", "P30D", "assessment", "P15D");

        public String period(String deadline) {
            return PERIODS.get(deadline);
        }

        public Date dueIn(String deadline) {
            return Date.from(NOW.plus(Duration.parse(period(deadline))));
        }

        public Date remindIn(String deadline) {
            return remindBefore(dueIn(deadline));
        }

        public Date remindBefore(Date due) {
            return Date.from(due.toInstant().minus(Duration.ofDays(3)));
        }
    }

    private static final Times TIMES = new Times();

    /** What each release point pays ({@code ${projectInstalments.releasedBy(projectId, 'SIGNING')}}): one instalment. */
    public static final class Instalments {
        private static final Map<String, List<Integer>> RELEASED = Map.of(ReleaseEvent.SIGNING, List.of(1),
                ReleaseEvent.MIDTERM_PASSED, List.of(2), ReleaseEvent.ACCEPTED, List.of(3));

        public List<Integer> releasedBy(long projectId, String event) {
            return RELEASED.get(event);
        }
    }

    /** The project's application, handed to the panel ({@code ${projectPanels.applicationOf(projectId)}}). */
    public static final class Panels {
        public long applicationOf(long projectId) {
            return APPLICATION;
        }
    }

    @BeforeEach
    void registerBeansAndStubs() {
        steps = new EngineOnlySteps(processEngine);
        ProjectDelegates project = new ProjectDelegates();
        ProjectMoneyDelegates money = new ProjectMoneyDelegates();
        Mocks.register("projectTimes", TIMES);
        Mocks.register("projectInstalments", new Instalments());
        Mocks.register("projectPanels", new Panels());
        Mocks.register("labelTaskWithProject", (TaskListener) task -> labelled.add(task.getTaskDefinitionKey()));
        Mocks.register("freshFormAnswers", new FreshFormAnswers());
        Mocks.register("signAgreement", (JavaDelegate) execution -> {
            calls.add("sign");
            execution.setVariable(MIDTERM_AT, MIDTERM_STARTS);
            execution.setVariable(ACCEPTANCE_DUE_AT, ACCEPTANCE_DUE);
            execution.setVariable(ACCEPTANCE_DUE_DATE, ACCEPTANCE_DUE);
        });
        Mocks.register("planInstalments", (JavaDelegate) execution -> calls.add("plan"));
        Mocks.register("recordSpending", (TaskListener) task -> calls.add("spent " + task.getVariable(SPENT_WAN)));
        Mocks.register("openMidtermRound", project.openMidtermRound());
        Mocks.register("concludeMidterm", (ExecutionListener) execution ->
                calls.add("conclude " + execution.getVariable(MIDTERM_VERDICT)));
        Mocks.register("recordExtension", (JavaDelegate) execution -> {
            calls.add("extension " + execution.getVariable(EXTENSION_DECISION));
            execution.setVariable(EXTENSION_REQUESTED, true);
            execution.setVariable(ACCEPTANCE_DUE_AT, EXTENDED_DUE);
            execution.setVariable(ACCEPTANCE_DUE_DATE, EXTENDED_DUE);
        });
        Mocks.register("completeProject", (JavaDelegate) execution -> calls.add("complete"));
        Mocks.register("terminateProject", (JavaDelegate) execution -> calls.add("terminate"));
        Mocks.register("computeRecovery", (JavaDelegate) execution -> {
            calls.add("compute recovery");
            execution.setVariable(RECOVERY_NEEDED, unspentFunds);
        });
        Mocks.register("stampRecoveryConfirmer", money.stampRecoveryConfirmer());
        Mocks.register("recordRecovery", (JavaDelegate) execution ->
                calls.add("demand confirmed by " + execution.getVariable(RECOVERY_CONFIRMED_BY)));
        Mocks.register("keepOnlyReturnReason", money.keepOnlyReturnReason());
        Mocks.register("stampRepaymentRecorder", money.stampRepaymentRecorder());
        Mocks.register("stampRepaymentReviewer", money.stampRepaymentReviewer());
        Mocks.register("recordRepayment", (JavaDelegate) execution -> {
            int receipt = (Integer) execution.getVariable(REPAYMENT_NO);
            calls.add("receipt " + receipt + " " + execution.getVariable(REPAID_WAN) + " " + execution.getVariable(RECEIPT_NO)
                    + " confirmed by " + execution.getVariable(REPAYMENT_REVIEWED_BY));
            execution.setVariable(FULLY_REPAID, receipt == receiptsToRepay);
        });
        Mocks.register("payInstalment", (JavaDelegate) execution -> calls.add("pay " + execution.getVariable(
                DisbursementProcess.INSTALMENT_SEQ) + " of " + execution.getProcessBusinessKey()));
        steps.stub(Bpmn.createExecutableProcess(DisbursementProcess.KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubInstalment").serviceTask("ServiceTask_StubPay")
                .camundaDelegateExpression("${payInstalment}").endEvent("EndEvent_StubPaid").done(), "Disbursement");
        // One task for the whole panel, whose deadline reports back to the project as the real panel's does.
        steps.stub(Bpmn.createExecutableProcess(ExpertPanelProcess.KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubPanel").userTask(PANEL_TASK).endEvent("EndEvent_StubPanel")
                .moveToActivity(PANEL_TASK).boundaryEvent(PANEL_OVERDUE).cancelActivity(false).timerWithDuration("P15D")
                .intermediateThrowEvent("IntermediateThrowEvent_StubOverdue").escalation(ExpertPanelProcess.OVERDUE_ESCALATION)
                .endEvent("EndEvent_StubOverdueReported").done(), "ExpertPanel");
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    /** The project as selection starts it: the applicant is to draft the agreement. */
    private ProcessInstance start() {
        ProcessInstance project = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, CODE, Map.of(
                PROJECT_ID, 1L, PROJECT_CODE, CODE, TITLE, "高端制剂关键技术攻关", APPLICANT, APPLICANT_USER,
                APPLICANT_NAME, "某某制药", INDICATORS, "完成2个新制剂中试"));
        assertThat(project).isWaitingAt(TASK_DRAFT_AGREEMENT);
        return project;
    }

    private void draftAgreement() {
        steps.complete(TASK_DRAFT_AGREEMENT, APPLICANT_USER, Map.of(MILESTONES, "2026-09-01 完成处方筛选\n2027-09-01 完成中试",
                MIDTERM_DATE, "2026-12-01", INDICATORS, "完成2个新制剂中试；申请发明专利3项"));
    }

    /** Signed, the signing instalment paid: the mid-term check waits for its date. */
    private ProcessInstance signed() {
        ProcessInstance project = start();
        draftAgreement();
        steps.complete(TASK_APPROVE_AGREEMENT, "kjj", Map.of(AGREEMENT_DECISION, APPROVE));
        assertThat(project).isWaitingAt(TASK_START_MIDTERM);
        return project;
    }

    /** The progress report is in: the mid-term panel of round 1 assesses it. */
    private ProcessInstance atMidtermPanel() {
        ProcessInstance project = signed();
        steps.complete(TASK_START_MIDTERM, "kjj", Map.of());
        steps.complete(TASK_REPORT_PROGRESS, APPLICANT_USER, Map.of(PROGRESS_REPORT, "按计划完成处方筛选", SPENT_WAN, "100"));
        assertThat(project).isWaitingAt(MIDTERM_PANEL);
        return project;
    }

    private ProcessInstance atFinalReport() {
        ProcessInstance project = atMidtermPanel();
        panelConcludes("PASS", "专家1：通过。");
        assertThat(project).isWaitingAt(TASK_FINAL_REPORT);
        return project;
    }

    private void submitFinalReport() {
        steps.complete(TASK_FINAL_REPORT, APPLICANT_USER, Map.of(FINAL_REPORT_ACTION, SUBMIT, FINAL_REPORT, "全部完成",
                ACHIEVED_INDICATORS, "完成2个中试", AUDIT_REPORT_NO, "辽审字2028第001号", SPENT_WAN, "260"));
    }

    /** The running panel, with what the project handed it. */
    private Map<String, Object> panel() {
        ProcessInstance panel = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ExpertPanelProcess.KEY).singleResult();
        assertThat(panel.getBusinessKey()).isEqualTo(CODE);
        return processEngine.getRuntimeService().getVariables(panel.getId());
    }

    private void panelConcludes(String verdict, String findings) {
        steps.complete(PANEL_TASK, "expert1", Map.of(ExpertPanelProcess.PANEL_VERDICT, verdict,
                ExpertPanelProcess.PANEL_FINDINGS, findings));
    }

    private Object variable(ProcessInstance project, String name) {
        return processEngine.getRuntimeService().getVariable(project.getId(), name);
    }

    /** The manager gets an escalation task saying what is overdue, and records the follow-up. */
    private void escalationSays(String overdueItem) {
        Task escalation = steps.open(TASK_ESCALATE);
        assertThat(escalation).hasCandidateGroup("pm-kjj");
        assertThat(processEngine.getTaskService().getVariable(escalation.getId(), "overdueItem")).isEqualTo(overdueItem);
        steps.complete(TASK_ESCALATE, "kjj", Map.of(ESCALATION_NOTE, "已督办"));
    }

    @Test
    void anApprovedAgreementIsSignedEachReleasePointPaysItsInstalmentAndAnAcceptedProjectIsCompleted() {
        ProcessInstance project = atMidtermPanel();
        assertThat(panel()).containsEntry(ExpertPanelProcess.STAGE, ProjectAssessment.MIDTERM)
                .containsEntry(ExpertPanelProcess.ROUND, 1).containsEntry(ExpertPanelProcess.RECTIFY_ALLOWED, true)
                .containsEntry(ExpertPanelProcess.APPLICATION_ID, APPLICATION).containsEntry(ExpertPanelProcess.DEADLINE, "P15D")
                .containsEntry(RECHECK_INFO, "首次检查");
        steps.deadlinePasses(PANEL_OVERDUE);
        escalationSays("中期检查专家评议未按期完成");
        panelConcludes("PASS", "专家1：通过。");

        assertThat(project).isWaitingAt(TASK_FINAL_REPORT);
        assertThat(steps.open(TASK_FINAL_REPORT)).isAssignedTo(APPLICANT_USER).hasDueDate(ACCEPTANCE_DUE);
        assertThat(steps.open(TASK_FINAL_REPORT).getFollowUpDate()).isEqualTo(TIMES.remindBefore(ACCEPTANCE_DUE));
        submitFinalReport();
        assertThat(panel()).containsEntry(ExpertPanelProcess.STAGE, ProjectAssessment.ACCEPTANCE)
                .containsEntry(ExpertPanelProcess.RECTIFY_ALLOWED, false)
                .containsEntry(ExpertPanelProcess.ALLOWED_VERDICTS, "PASS,FAIL");
        steps.deadlinePasses(PANEL_OVERDUE);
        escalationSays("验收专家评议未按期完成");
        panelConcludes("PASS", "专家1：通过。");

        assertThat(project).isEnded().hasPassed(SIGNING_INSTALMENTS, MIDTERM_INSTALMENTS, ACCEPTANCE_INSTALMENTS,
                END_ACCEPTED).hasNotPassed(TASK_RECTIFY, TASK_APPROVE_EXTENSION, "ServiceTask_TerminateProject");
        assertThat(calls).containsExactly("sign", "plan", "pay 1 of " + CODE, "spent 100", "conclude PASS",
                "pay 2 of " + CODE, "spent 260", "pay 3 of " + CODE, "complete");
        assertThat(labelled).as("every task a person opens names the project").containsExactlyInAnyOrder(
                TASK_DRAFT_AGREEMENT, TASK_APPROVE_AGREEMENT, TASK_START_MIDTERM, TASK_REPORT_PROGRESS, TASK_ESCALATE,
                TASK_FINAL_REPORT);
    }

    @Test
    void aReturnedAgreementGoesBackToTheApplicantWithTheCommentAndOnlyAnApprovedOneIsSigned() {
        ProcessInstance project = start();
        assertThat(steps.open(TASK_DRAFT_AGREEMENT)).isAssignedTo(APPLICANT_USER).hasDueDate(TIMES.dueIn("agreement"));
        assertThat(steps.open(TASK_DRAFT_AGREEMENT).getFollowUpDate()).isEqualTo(TIMES.remindIn("agreement"));
        draftAgreement();
        assertThat(steps.open(TASK_APPROVE_AGREEMENT)).hasCandidateGroup("pm-kjj");

        steps.complete(TASK_APPROVE_AGREEMENT, "kjj", Map.of(AGREEMENT_DECISION, RETURN, AGREEMENT_COMMENT, "考核指标需量化"));
        assertThat(project).isWaitingAt(TASK_DRAFT_AGREEMENT);
        assertThat(variable(project, AGREEMENT_COMMENT)).as("the applicant reads why").isEqualTo("考核指标需量化");
        draftAgreement();
        assertThat(variable(project, AGREEMENT_DECISION)).as("the manager decides afresh").isNull();
        assertThat(variable(project, AGREEMENT_COMMENT)).isNull();
        assertThat(calls).isEmpty();
        steps.complete(TASK_APPROVE_AGREEMENT, "kjj", Map.of(AGREEMENT_DECISION, APPROVE));

        assertThat(project).isWaitingAt(TASK_START_MIDTERM).hasPassed(SIGNING_INSTALMENTS);
        assertThat(steps.open(TASK_START_MIDTERM)).hasCandidateGroup("pm-kjj");
        assertThat(calls).containsExactly("sign", "plan", "pay 1 of " + CODE);
    }

    @Test
    void aMissedAgreementDeadlineIsEscalatedWhileTheApplicantCanStillDraftIt() {
        ProcessInstance project = start();

        steps.deadlinePasses(AGREEMENT_OVERDUE);
        assertThat(project).isWaitingAt(TASK_DRAFT_AGREEMENT, TASK_ESCALATE);
        escalationSays("任务书未按期提交");

        assertThat(project).isWaitingAt(TASK_DRAFT_AGREEMENT).hasPassed("EndEvent_Escalated");
        draftAgreement();
        assertThat(project).isWaitingAt(TASK_APPROVE_AGREEMENT);
    }

    @Test
    void theMidtermCheckStartsOnItsDateAndARectifiedProjectIsCheckedOnceMoreWithoutASecondRectification() {
        ProcessInstance project = signed();
        steps.deadlinePasses(MIDTERM_DUE);
        assertThat(steps.open(TASK_REPORT_PROGRESS)).isAssignedTo(APPLICANT_USER).hasDueDate(TIMES.dueIn("report"));
        steps.deadlinePasses(REPORT_OVERDUE);
        escalationSays("中期进展报告未按期提交");
        steps.complete(TASK_REPORT_PROGRESS, APPLICANT_USER, Map.of(PROGRESS_REPORT, "进度滞后", SPENT_WAN, "50"));
        panelConcludes(RECTIFY, "专家1：整改。");

        assertThat(project).isWaitingAt(TASK_RECTIFY);
        assertThat(steps.open(TASK_RECTIFY)).isAssignedTo(APPLICANT_USER).hasDueDate(TIMES.dueIn("rectification"));
        steps.complete(TASK_RECTIFY, APPLICANT_USER, Map.of(RECTIFICATION_REPORT, "已补充人员", SPENT_WAN, "80"));
        Map<String, Object> recheck = panel();
        assertThat(recheck).containsEntry(ExpertPanelProcess.ROUND, 2).containsEntry(ExpertPanelProcess.RECTIFY_ALLOWED, false);
        assertThat((String) recheck.get(RECHECK_INFO)).startsWith("复查").contains("专家1：整改。", "整改情况：\n已补充人员");
        panelConcludes("PASS", "专家1：通过。");

        assertThat(project).isWaitingAt(TASK_FINAL_REPORT).hasPassed(MIDTERM_DUE, MIDTERM_INSTALMENTS)
                .hasNotPassed(RECTIFICATION_OVERDUE);
        assertThat(variable(project, MIDTERM_ROUND)).isEqualTo(2);
        assertThat(calls).containsExactly("sign", "plan", "pay 1 of " + CODE, "spent 50", "conclude RECTIFY",
                "spent 80", "conclude PASS", "pay 2 of " + CODE);
    }

    @Test
    void aFailedRecheckAfterALapsedRectificationTerminatesTheProjectAndFinanceConfirmsTheRecovery() {
        ProcessInstance project = atMidtermPanel();
        panelConcludes(RECTIFY, "专家1：整改。");
        steps.deadlinePasses(RECTIFICATION_OVERDUE);
        assertThat((String) panel().get(RECHECK_INFO)).contains("（整改期满未提交）");
        panelConcludes("FAIL", "专家1：不通过。");

        assertThat(project).isWaitingAt(TASK_CONFIRM_RECOVERY).hasNotPassed(MIDTERM_INSTALMENTS);
        assertThat(steps.open(TASK_CONFIRM_RECOVERY)).hasCandidateGroup("finance");
        steps.complete(TASK_CONFIRM_RECOVERY, "finance", Map.of(RECOVERY_CONFIRMED, true));

        assertThat(project).isWaitingAt(TASK_RECORD_REPAYMENT);
        assertThat(steps.open(TASK_RECORD_REPAYMENT)).hasCandidateGroup("finance").hasDueDate(TIMES.dueIn("repayment"));
        assertThat(calls).containsExactly("sign", "plan", "pay 1 of " + CODE, "spent 100", "conclude RECTIFY",
                "conclude FAIL", "terminate", "compute recovery", "demand confirmed by finance");
    }

    @Test
    void eachReceiptIsConfirmedByASecondColleagueOrSentBackWithItsReasonUntilNothingIsOutstanding() {
        receiptsToRepay = 2;
        ProcessInstance project = atMidtermPanel();
        panelConcludes("FAIL", "专家1：不通过。");
        steps.complete(TASK_CONFIRM_RECOVERY, "finance", Map.of(RECOVERY_CONFIRMED, true));
        steps.deadlinePasses(REPAYMENT_OVERDUE);
        escalationSays("追回款未按期到账");
        calls.clear();

        steps.complete(TASK_RECORD_REPAYMENT, "finance", Map.of(REPAID_WAN, "50", RECEIPT_NO, "JK-0"));
        assertThat(steps.open(TASK_REVIEW_REPAYMENT)).hasCandidateGroup("finance");
        assertThat(variable(project, REPAYMENT_RECORDED_BY)).isEqualTo("finance");
        steps.complete(TASK_REVIEW_REPAYMENT, "finance2", Map.of(REPAYMENT_REVIEW, RETURN,
                REPAYMENT_REVIEW_COMMENT, "凭证号与银行回单不符"));
        assertThat(project).isWaitingAt(TASK_RECORD_REPAYMENT);
        assertThat(variable(project, REPAYMENT_REVIEW_COMMENT)).as("the reason stays visible").isEqualTo("凭证号与银行回单不符");
        assertThat(variable(project, REPAID_WAN)).as("the receipt is entered afresh").isNull();
        assertThat(calls).as("a returned receipt books nothing").isEmpty();

        steps.complete(TASK_RECORD_REPAYMENT, "finance", Map.of(REPAID_WAN, "50", RECEIPT_NO, "JK-1"));
        steps.complete(TASK_REVIEW_REPAYMENT, "finance2", Map.of(REPAYMENT_REVIEW, CONFIRM));
        assertThat(project).isWaitingAt(TASK_RECORD_REPAYMENT);
        assertThat(variable(project, REPAYMENT_REVIEW_COMMENT)).as("no reason after a confirmed receipt").isNull();
        steps.complete(TASK_RECORD_REPAYMENT, "finance2", Map.of(REPAID_WAN, "33.33332", RECEIPT_NO, "JK-2"));
        steps.complete(TASK_REVIEW_REPAYMENT, "finance", Map.of(REPAYMENT_REVIEW, CONFIRM));

        assertThat(project).isEnded().hasPassed(END_RECOVERED);
        assertThat(calls).containsExactly("receipt 1 50 JK-1 confirmed by finance2",
                "receipt 2 33.33332 JK-2 confirmed by finance");
    }

    @Test
    void aFailedAcceptanceWithEverythingSpentTerminatesTheProjectWithNothingToRecover() {
        unspentFunds = false;
        ProcessInstance project = atFinalReport();
        submitFinalReport();

        panelConcludes("FAIL", "专家1：不通过。");

        assertThat(project).isEnded().hasPassed(END_NOTHING_TO_RECOVER)
                .hasNotPassed(ACCEPTANCE_INSTALMENTS, TASK_CONFIRM_RECOVERY);
        assertThat(calls).endsWith("spent 260", "terminate", "compute recovery").doesNotContain("complete");
    }

    @Test
    void anExtensionMovesTheAcceptanceDeadlineAndTheApplicantKeepsTheReportDraftButNotTheRequest() {
        ProcessInstance project = atFinalReport();
        steps.deadlinePasses(ACCEPTANCE_OVERDUE);
        escalationSays("验收材料未按期提交");

        steps.complete(TASK_FINAL_REPORT, APPLICANT_USER, Map.of(FINAL_REPORT_ACTION, EXTEND, EXTENSION_MONTHS, 6,
                EXTENSION_REASON, "临床样本不足", FINAL_REPORT, "验收报告初稿"));
        assertThat(steps.open(TASK_APPROVE_EXTENSION)).hasCandidateGroup("pm-kjj");
        steps.complete(TASK_APPROVE_EXTENSION, "kjj", Map.of(EXTENSION_DECISION, APPROVE));

        assertThat(project).isWaitingAt(TASK_FINAL_REPORT);
        assertThat(variable(project, FINAL_REPORT)).isEqualTo("验收报告初稿");
        assertThat(processEngine.getRuntimeService().getVariables(project.getId(),
                List.of(FINAL_REPORT_ACTION, EXTENSION_MONTHS, EXTENSION_REASON))).isEmpty();
        assertThat(steps.open(TASK_FINAL_REPORT)).hasDueDate(EXTENDED_DUE);
        assertThat(steps.open(TASK_FINAL_REPORT).getFollowUpDate()).isEqualTo(TIMES.remindBefore(EXTENDED_DUE));
        assertThat(processEngine.getManagementService().createJobQuery().timers().activityId(ACCEPTANCE_OVERDUE)
                .singleResult().getDuedate()).as("the escalation waits for the new deadline").isEqualTo(EXTENDED_DUE);
        submitFinalReport();
        panelConcludes("PASS", "专家1：通过。");

        assertThat(project).isEnded().hasPassed(TASK_APPROVE_EXTENSION, END_ACCEPTED);
        assertThat(calls).containsSubsequence("pay 2 of " + CODE, "extension APPROVE", "spent 260", "pay 3 of " + CODE,
                "complete");
    }
}
