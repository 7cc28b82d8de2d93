package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import cn.rdfund.system.tasks.FreshFormAnswers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
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
 * bpmn/challenge/ChallengeMilestone.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml), with
 * the ExpertPanel and Disbursement it calls replaced by stubs: one team's milestone reported (a late report escalated
 * to the manager while the team can still report), confirmed by the 发榜方 or disputed and found met or not met by the
 * experts; the 发榜方's payment declared and confirmed or sent back by finance; the support stage it releases paid, or
 * nothing when the enterprise's cap is used up or the contract pays nothing on the milestone; the acceptance milestone
 * paid straight after a passed acceptance. The steps that write the milestone, the team, the support and the ledger are
 * recorders; the listeners that only move variables (the fresh forms, who confirmed the voucher, the team's name on its
 * tasks) are the real ones. The amounts, four eyes and the ledger are tested with the rules (ChallengeRulesTest,
 * ChallengeSupportTest) and over the whole application (ChallengeProcessTest, FourEyesOverHttpTest).
 */
@EngineOnlyTest
@Deployment(resources = {"bpmn/challenge/ChallengeMilestone.bpmn", "bpmn/challenge/MilestoneReportForm.form",
        "bpmn/challenge/MilestoneEscalationForm.form", "bpmn/challenge/MilestoneConfirmForm.form",
        "bpmn/challenge/OwnerPaymentForm.form", "bpmn/challenge/OwnerPaymentConfirmForm.form"})
class ChallengeMilestoneEngineTest {

    private static final String OWNER = "owner1";
    private static final String SOLVER_USER = "solver1";
    private static final String CODE = "JB2026-001";
    private static final long TEAM = 1L;
    private static final String PANEL_TASK = "Task_StubPanel";
    private static final Date DUE = Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(90)));

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();
    private final Set<String> labelled = new TreeSet<>();
    /** What the contract pays on this milestone (万元). */
    private String contractPayment = "200";
    /** Whether the payment releases a support stage (not when the enterprise's cap is used up). */
    private boolean supportDue = true;

    /** What a team's panel must avoid ({@code ${challengePanels.applicationOf(teamId)}}); public for the expression language. */
    public static final class Panels {
        public long applicationOf(long teamId) {
            return 100 + teamId;
        }
    }

    @BeforeEach
    void registerBeansAndStubs() {
        steps = new EngineOnlySteps(processEngine);
        MilestoneDelegates milestones = new MilestoneDelegates();
        Mocks.register("labelTaskWithProject", (TaskListener) task -> labelled.add(task.getTaskDefinitionKey()));
        Mocks.register("labelTaskWithTeam", new TeamDelegates().labelTaskWithTeam());
        Mocks.register("freshFormAnswers", new FreshFormAnswers());
        Mocks.register("challengeTimes", new ChallengeTimes(Duration.ofDays(15)));
        Mocks.register("challengePanels", new Panels());
        Mocks.register("prepareMilestone", (JavaDelegate) execution -> {
            execution.setVariable(SOLVER, SOLVER_USER);
            execution.setVariable(TEAM_NAME, "甲团队");
            execution.setVariable("milestoneInfo", "第" + execution.getVariable(MILESTONE_SEQ) + "个里程碑：完成小试");
            execution.setVariable("contractPaymentWan", contractPayment);
            execution.setVariable(CONTRACT_INDICATORS, "产品纯度≥99.5%");
            execution.setVariable(PAYMENT_DUE, !"0".equals(contractPayment));
            execution.setVariable("milestoneDueAt", DUE.toInstant().atZone(ZoneId.systemDefault())
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        });
        Mocks.register("recordMilestoneReport", (TaskListener) task -> calls.add("report " + task.getVariable(MILESTONE_REPORT)));
        Mocks.register("recordConfirmation", (TaskListener) task -> calls.add(task.getVariable(CONFIRMATION) + " scored "
                + task.getVariable(STAGE_SCORE) + " " + task.getVariable(OWNER_OPINION)));
        Mocks.register("recordMilestonePassed", (JavaDelegate) execution -> calls.add("passed "
                + execution.getVariable(MILESTONE_SEQ) + " findings " + execution.getVariable(FINDINGS)));
        Mocks.register("recordMilestoneNotMet", (JavaDelegate) execution -> calls.add("not met "
                + execution.getVariable(MILESTONE_SEQ) + " findings " + execution.getVariable(FINDINGS)));
        Mocks.register("stampPaymentConfirmer", milestones.stampPaymentConfirmer());
        Mocks.register("computeSupportStage", (JavaDelegate) execution -> {
            calls.add("paid " + execution.getVariable(PAID_WAN) + " " + execution.getVariable(PAYMENT_VOUCHER)
                    + " confirmed by " + execution.getVariable(PAYMENT_CONFIRMED_BY));
            execution.setVariable(SUPPORT_DUE, supportDue);
            execution.setVariable(DisbursementProcess.INSTALMENT_SEQ, supportDue ? 2 : 0);
            execution.setVariable("supportBasis", "按实际支付额的30%");
        });
        Mocks.register("payInstalment", (JavaDelegate) execution -> calls.add("support instalment "
                + execution.getVariable(DisbursementProcess.INSTALMENT_SEQ) + " of " + execution.getProcessBusinessKey()
                + " to " + execution.getVariable(DisbursementProcess.APPLICANT_NAME)));
        steps.stub(Bpmn.createExecutableProcess(DisbursementProcess.KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubInstalment").serviceTask("ServiceTask_StubPay")
                .camundaDelegateExpression("${payInstalment}").endEvent("EndEvent_StubPaid").done(), "Disbursement");
        // One task for the whole panel, which reports its verdict and findings.
        steps.stub(Bpmn.createExecutableProcess(ExpertPanelProcess.KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubPanel").userTask(PANEL_TASK).endEvent("EndEvent_StubPanel").done(), "ExpertPanel");
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    /** The milestone as Challenge starts it for team 1: a milestone to report, or the acceptance milestone after a passed acceptance. */
    private ProcessInstance start(int seq, boolean acceptance) {
        Map<String, Object> variables = new HashMap<>(Map.of(CHALLENGE_ID, 7L, PROJECT_ID, 9L, PROJECT_CODE, CODE,
                TITLE, "高纯度原料药连续合成工艺", TEAM_ID, TEAM, "owner", OWNER, OWNER_NAME, "发榜企业",
                MILESTONE_SEQ, seq, ACCEPTANCE, acceptance));
        if (acceptance) {
            variables.put(FINDINGS, "专家1：通过。");
        }
        ProcessInstance milestone = processEngine.getRuntimeService().startProcessInstanceByKey(MILESTONE_KEY, CODE,
                variables);
        steps.runDueJobs();
        return milestone;
    }

    /** Reported by the team: the 发榜方 is to confirm it or dispute it. */
    private ProcessInstance reported(int seq) {
        ProcessInstance milestone = start(seq, false);
        Task report = steps.open(TASK_REPORT_MILESTONE);
        assertThat(report).isAssignedTo(SOLVER_USER).hasDueDate(DUE);
        assertThat(report.getName()).isEqualTo("提交里程碑报告 · 甲团队");
        steps.complete(TASK_REPORT_MILESTONE, SOLVER_USER, Map.of(MILESTONE_REPORT, "完成小试，纯度99.6%"));
        assertThat(steps.open(TASK_CONFIRM_MILESTONE)).isAssignedTo(OWNER);
        return milestone;
    }

    private void confirm(int stageScore) {
        steps.complete(TASK_CONFIRM_MILESTONE, OWNER, Map.of(CONFIRMATION, CONFIRM, STAGE_SCORE, stageScore, OWNER_OPINION, "确认"));
    }

    private void dispute(String opinion) {
        steps.complete(TASK_CONFIRM_MILESTONE, OWNER, Map.of(CONFIRMATION, DISPUTE, STAGE_SCORE, 30, OWNER_OPINION, opinion));
    }

    private void declarePayment(String paidWan, String voucher) {
        assertThat(steps.open(TASK_DECLARE_PAYMENT)).isAssignedTo(OWNER);
        steps.complete(TASK_DECLARE_PAYMENT, OWNER, Map.of(PAID_WAN, paidWan, PAYMENT_VOUCHER, voucher));
        assertThat(steps.open(TASK_CONFIRM_PAYMENT)).hasCandidateGroup("finance");
    }

    /** The running panel, with what the milestone handed it. */
    private Map<String, Object> panel() {
        return processEngine.getRuntimeService().getVariables(processEngine.getRuntimeService()
                .createProcessInstanceQuery().processDefinitionKey(ExpertPanelProcess.KEY).singleResult().getId());
    }

    private void panelConcludes(String verdict, String findings) {
        steps.complete(PANEL_TASK, "expert1", Map.of(ExpertPanelProcess.PANEL_VERDICT, verdict,
                ExpertPanelProcess.PANEL_FINDINGS, findings));
    }

    private Object taskVariable(String taskKey, String name) {
        return processEngine.getTaskService().getVariable(steps.open(taskKey).getId(), name);
    }

    @Test
    void aConfirmedMilestoneIsPaidByTheOwnerConfirmedByFinanceAndReleasesItsSupportStage() {
        ProcessInstance milestone = reported(2);
        confirm(90);

        declarePayment("200", "回单001");
        steps.complete(TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, CONFIRM));

        assertThat(milestone).isEnded().hasPassed("CallActivity_SupportDisbursement", "EndEvent_MilestonePassed")
                .hasNotPassed("CallActivity_DisputePanel", "Task_EscalateMilestone");
        assertThat(calls).containsExactly("report 完成小试，纯度99.6%", "CONFIRM scored 90 确认", "passed 2 findings null",
                "paid 200 回单001 confirmed by finance", "support instalment 2 of " + CODE + " to 发榜企业");
        assertThat(labelled).as("every task a person opens names the challenge").containsExactlyInAnyOrder(
                TASK_REPORT_MILESTONE, TASK_CONFIRM_MILESTONE, TASK_DECLARE_PAYMENT, TASK_CONFIRM_PAYMENT);
    }

    @Test
    void aVoucherFinanceSendsBackIsDeclaredAfreshWithTheReasonAndPaidOnce() {
        ProcessInstance milestone = reported(2);
        confirm(90);
        declarePayment("200", "回单001");

        steps.complete(TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, RETURN, PAYMENT_COMMENT, "回单不清晰"));
        assertThat(milestone).isWaitingAt(TASK_DECLARE_PAYMENT);
        assertThat(taskVariable(TASK_DECLARE_PAYMENT, PAYMENT_COMMENT)).as("the 发榜方 reads why").isEqualTo("回单不清晰");
        assertThat(taskVariable(TASK_DECLARE_PAYMENT, PAID_WAN)).as("the payment is declared afresh").isNull();
        assertThat(taskVariable(TASK_DECLARE_PAYMENT, PAYMENT_VOUCHER)).isNull();
        assertThat(calls).as("a returned voucher books nothing").noneMatch(call -> call.startsWith("paid"));
        declarePayment("200", "回单001（清晰）");
        assertThat(taskVariable(TASK_CONFIRM_PAYMENT, PAYMENT_DECISION)).as("finance decides afresh").isNull();
        assertThat(taskVariable(TASK_CONFIRM_PAYMENT, PAYMENT_COMMENT)).isNull();
        steps.complete(TASK_CONFIRM_PAYMENT, "finance2", Map.of(PAYMENT_DECISION, CONFIRM));

        assertThat(milestone).isEnded().hasPassed("EndEvent_MilestonePassed");
        assertThat(calls).filteredOn(call -> call.startsWith("paid"))
                .containsExactly("paid 200 回单001（清晰） confirmed by finance2");
    }

    @Test
    void aMilestoneTheContractPaysNothingOnPassesWithoutPaymentOrSupport() {
        contractPayment = "0";
        ProcessInstance milestone = reported(1);

        confirm(90);

        assertThat(milestone).isEnded().hasPassed("ServiceTask_RecordMilestonePassed", "EndEvent_MilestonePassed")
                .hasNotPassed(TASK_DECLARE_PAYMENT, "ServiceTask_ComputeSupportStage");
        assertThat(calls).containsExactly("report 完成小试，纯度99.6%", "CONFIRM scored 90 确认", "passed 1 findings null");
    }

    @Test
    void aPaymentAfterTheEnterpriseCapIsUsedUpReleasesNoSupport() {
        supportDue = false;
        ProcessInstance milestone = reported(1);
        confirm(80);

        declarePayment("100", "回单100");
        steps.complete(TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, CONFIRM));

        assertThat(milestone).isEnded().hasPassed("ServiceTask_ComputeSupportStage", "EndEvent_MilestonePassed")
                .hasNotPassed("CallActivity_SupportDisbursement");
        assertThat(calls).endsWith("paid 100 回单100 confirmed by finance").noneMatch(call -> call.startsWith("support"));
    }

    @Test
    void aDisputeTheExpertsFindMetPassesTheMilestoneWithTheirFindings() {
        ProcessInstance milestone = reported(2);

        dispute("纯度未达99.5%");
        assertThat(milestone).isWaitingAt("CallActivity_DisputePanel");
        assertThat(panel()).containsEntry(ExpertPanelProcess.STAGE, ProjectAssessment.DISPUTE)
                .containsEntry(ExpertPanelProcess.ROUND, 2).containsEntry(ExpertPanelProcess.TEAM_ID, TEAM)
                .containsEntry(ExpertPanelProcess.APPLICATION_ID, 101L).containsEntry(ExpertPanelProcess.RECTIFY_ALLOWED, false)
                .containsEntry(ExpertPanelProcess.DEADLINE, "PT360H").containsEntry(ExpertPanelProcess.FORM, "DisputeAssessmentForm")
                .containsEntry(OWNER_OPINION, "纯度未达99.5%").containsEntry(MILESTONE_REPORT, "完成小试，纯度99.6%")
                .containsEntry(ExpertPanelProcess.TEAM_NAME, "甲团队");
        panelConcludes(PASS, "专家1：达标。小试阶段指标已达");
        declarePayment("200", "回单200");
        steps.complete(TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, CONFIRM));

        assertThat(milestone).isEnded().hasPassed("CallActivity_DisputePanel", "EndEvent_MilestonePassed")
                .hasNotPassed("ServiceTask_RecordMilestoneNotMet");
        assertThat(calls).containsSubsequence("DISPUTE scored 30 纯度未达99.5%", "passed 2 findings 专家1：达标。小试阶段指标已达",
                "paid 200 回单200 confirmed by finance", "support instalment 2 of " + CODE + " to 发榜企业");
    }

    @Test
    void anUpheldDisputeEndsTheMilestoneUnmetWithoutPayment() {
        ProcessInstance milestone = reported(2);
        dispute("收率仅60%");

        panelConcludes(FAIL, "专家1：未达标。收率未达标");

        assertThat(milestone).isEnded().hasPassed("EndEvent_MilestoneNotMet")
                .hasNotPassed("ServiceTask_RecordMilestonePassed", TASK_DECLARE_PAYMENT);
        assertThat(calls).endsWith("DISPUTE scored 30 收率仅60%", "not met 2 findings 专家1：未达标。收率未达标");
    }

    @Test
    void aLateReportIsEscalatedToTheManagerWhileTheTeamCanStillReport() {
        ProcessInstance milestone = start(1, false);

        steps.deadlinePasses(REPORT_OVERDUE);
        assertThat(milestone).isWaitingAt(TASK_REPORT_MILESTONE, TASK_ESCALATE_MILESTONE);
        Task escalation = steps.open(TASK_ESCALATE_MILESTONE);
        assertThat(escalation).hasCandidateGroup("pm-kjj");
        assertThat(escalation.getName()).isEqualTo("里程碑逾期督办 · 甲团队");
        steps.complete(TASK_ESCALATE_MILESTONE, "kjj", Map.of(FOLLOW_UP, "已电话督促，三日内提交"));

        assertThat(milestone).hasPassed("EndEvent_EscalationHandled").isWaitingAt(TASK_REPORT_MILESTONE);
        steps.complete(TASK_REPORT_MILESTONE, SOLVER_USER, Map.of(MILESTONE_REPORT, "完成小试"));
        confirm(90);
        declarePayment("200", "回单001");
        steps.complete(TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, CONFIRM));
        assertThat(milestone).isEnded().hasPassed("EndEvent_MilestonePassed");
    }

    @Test
    void anEscalationStillOpenHoldsNothingUpAndClosesWithTheMilestone() {
        contractPayment = "0";
        ProcessInstance milestone = start(1, false);
        steps.deadlinePasses(REPORT_OVERDUE);

        steps.complete(TASK_REPORT_MILESTONE, SOLVER_USER, Map.of(MILESTONE_REPORT, "完成小试"));
        assertThat(milestone).isWaitingAt(TASK_CONFIRM_MILESTONE, TASK_ESCALATE_MILESTONE);
        confirm(90);

        assertThat(milestone).isEnded().hasPassed("EndEvent_MilestonePassed").hasNotPassed("EndEvent_EscalationHandled");
        assertThat(taskQuery().taskDefinitionKey(TASK_ESCALATE_MILESTONE).count()).isZero();
    }

    @Test
    void theAcceptanceMilestoneIsPaidStraightAfterAPassedAcceptance() {
        contractPayment = "300";
        ProcessInstance milestone = start(3, true);

        assertThat(milestone).isWaitingAt(TASK_DECLARE_PAYMENT);
        declarePayment("300", "回单300");
        steps.complete(TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, CONFIRM));

        assertThat(milestone).isEnded().hasPassed("CallActivity_SupportDisbursement", "EndEvent_MilestonePassed")
                .hasNotPassed(TASK_REPORT_MILESTONE, TASK_CONFIRM_MILESTONE);
        assertThat(calls).containsExactly("passed 3 findings 专家1：通过。", "paid 300 回单300 confirmed by finance",
                "support instalment 2 of " + CODE + " to 发榜企业");
    }
}
