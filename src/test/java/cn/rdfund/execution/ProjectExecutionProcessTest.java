package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.disbursement.RecoveryService;
import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journeys of bpmn/project/ProjectExecution.bpmn that need the whole application, from a project that a real call
 * selected: the money to the fen through the real panels, rules and ledger (a rectification, an extension, acceptance),
 * a returned and re-run payment booked once and read through the API by whom it concerns, a termination with the
 * unspent funds recovered receipt by receipt under four eyes, and one with nothing to recover. Every path of the model
 * is walked in seconds by ProjectExecutionEngineTest; the rules that need no database are in ProjectRulesTest.
 */
@RdfundIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectExecutionProcessTest {

    /** 333.3333万元: the instalments are 40 %, 40 % and what is left, to the fen. */
    private static final String ODD_AMOUNT_WAN = "333.3333";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProjectRepository projects;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    DisbursementService disbursements;

    @Autowired
    RecoveryService recoveries;

    @Autowired
    ApplicationRepository applications;

    @LocalServerPort
    int port;

    private Project project;
    private ProcessInstance execution;

    /** Projects a call selected and no test has taken yet; when none is left, another call selects the next batch. */
    private final Deque<Project> selected = new ArrayDeque<>();

    /**
     * One call selects a project for every test: publishing, closing and the public notice run once, and each test
     * still starts from a project of its own that a real call selected. Run before the first test rather than in
     * a @BeforeAll: the process coverage records only inside a test. The batch is one project per @Test method.
     */
    private void oneCallSelectsAProjectForEveryTest() {
        long tests = Arrays.stream(getClass().getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
        ProcessInstance call = lifecycle.publishCall(new BigDecimal(ODD_AMOUNT_WAN).multiply(BigDecimal.valueOf(tests + 1))
                .setScale(0, RoundingMode.CEILING).toPlainString());
        List<ProcessInstance> reviewed = new ArrayList<>();
        for (long i = 0; i < tests; i++) {
            reviewed.add(lifecycle.applyAndReview(call, lifecycle.newApplicant("实施"), "高端制剂关键技术攻关",
                    ODD_AMOUNT_WAN, 85));
        }
        lifecycle.closeWindow(call);
        lifecycle.endNotice(call);
        for (ProcessInstance application : reviewed) {
            selected.add(projects.findByApplicationId(
                    applications.findByProcessInstanceId(application.getId()).orElseThrow().id()).orElseThrow());
        }
    }

    @BeforeEach
    void takeASelectedProject() {
        AbstractAssertions.init(processEngine);
        if (selected.isEmpty()) {
            oneCallSelectsAProjectForEveryTest();
        }
        project = selected.remove();
        execution = lifecycle.projectOf(project.code());
    }

    private String applicant() {
        return project.applicantUserId();
    }

    private void signAgreement() {
        lifecycle.complete(execution, TASK_DRAFT_AGREEMENT, applicant(), agreement(
                LifecycleDriver.TODAY.plusMonths(6) + " 完成处方筛选\n" + LifecycleDriver.TODAY.plusMonths(18) + " 完成中试与验收"));
        lifecycle.complete(execution, TASK_APPROVE_AGREEMENT, "kjj", Map.of(AGREEMENT_DECISION, APPROVE));
    }

    private Map<String, Object> agreement(String milestones) {
        return Map.of(MILESTONES, milestones, MIDTERM_DATE, LifecycleDriver.TODAY.plusMonths(9).toString(),
                INDICATORS, "完成2个新制剂中试；申请发明专利3项");
    }

    private void financeApproves() {
        lifecycle.complete(execution, DisbursementProcess.TASK_APPROVE, "finance",
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
    }

    private static final Map<String, String> OPINIONS = Map.of("PASS", "进展符合任务书", "RECTIFY", "中试进度滞后，需补充人员",
            "FAIL", "主要指标无法完成");

    private void panel(String stage, String verdict) {
        lifecycle.completePanel(execution, stage, Map.of(VERDICT, verdict, ASSESSMENT_COMMENT, OPINIONS.get(verdict)));
    }

    private void reachMidtermCheck(String spentWan) {
        signAgreement();
        financeApproves();
        lifecycle.complete(execution, TASK_START_MIDTERM, "kjj", Map.of());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, applicant(),
                Map.of(PROGRESS_REPORT, "按计划完成处方筛选", SPENT_WAN, spentWan));
    }

    private void submitFinalReport() {
        lifecycle.complete(execution, TASK_FINAL_REPORT, applicant(), Map.of(FINAL_REPORT_ACTION, SUBMIT,
                FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "完成2个中试，申请发明专利4项", AUDIT_REPORT_NO, "辽审字2028第001号",
                SPENT_WAN, "266.66664"));
    }

    /** The escalation task the manager gets when a deadline passes; the manager records the follow-up. */
    private void escalationSays(String overdueItem) {
        Task escalation = lifecycle.tasks(execution, TASK_ESCALATE).get(0);
        assertThat(processEngine.getTaskService().getVariable(escalation.getId(), "overdueItem")).isEqualTo(overdueItem);
        lifecycle.complete(execution, TASK_ESCALATE, "kjj", Map.of(ESCALATION_NOTE, "已督办"));
    }

    private List<LedgerEntry> entries(LedgerEntryKind kind) {
        return ledger.findByProjectIdOrderByIdAsc(project.id()).stream().filter(e -> e.kind() == kind).toList();
    }

    private Project current() {
        return projects.findById(project.id()).orElseThrow();
    }

    @Test
    void runsFromAgreementThroughARectificationAndAnExtensionToAcceptanceAndPaysExactlyTheApprovedAmount() {
        Task agreementTask = lifecycle.tasks(execution, TASK_DRAFT_AGREEMENT).get(0);
        assertThat(agreementTask.getFollowUpDate()).as("the reminder").isBefore(agreementTask.getDueDate());
        signAgreement();
        assertThat(current().status()).isEqualTo(Project.IN_PROGRESS);
        assertThat(current().milestones()).hasSize(2);
        Task approval = lifecycle.tasks(execution, DisbursementProcess.TASK_APPROVE).get(0);
        assertThat(approval.getName()).isEqualTo("拨付审批 · " + project.code() + " 高端制剂关键技术攻关");
        assertThat(processEngine.getTaskService().getVariable(approval.getId(), "instalmentDisplay")).isEqualTo("133.33万元");
        assertThat((String) processEngine.getTaskService().getVariable(approval.getId(), "planDisplay"))
                .contains("第1期 40% 133.33万元（任务书签订）", "第3期 20% 66.67万元（验收通过）");
        financeApproves();

        lifecycle.complete(execution, TASK_START_MIDTERM, "kjj", Map.of());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, applicant(),
                Map.of(PROGRESS_REPORT, "进度滞后", SPENT_WAN, "50"));
        assertThat(lifecycle.panelTasks(execution, ProjectAssessment.MIDTERM)).hasSize(3);
        lifecycle.fireTimer(execution, ExpertPanelProcess.ASSESSMENT_OVERDUE);
        escalationSays("中期检查专家评议未按期完成");
        panel(ProjectAssessment.MIDTERM, "RECTIFY");
        assertThat(current().status()).isEqualTo(Project.RECTIFYING);
        assertThat((String) runtimeService.getVariable(execution.getId(), FINDINGS)).contains("专家1：整改。");
        lifecycle.complete(execution, TASK_RECTIFY, applicant(), Map.of(RECTIFICATION_REPORT, "已补充人员", SPENT_WAN, "100"));
        panel(ProjectAssessment.MIDTERM, "PASS");
        assertThat(current().status()).isEqualTo(Project.IN_PROGRESS);
        financeApproves();

        assertThatThrownBy(() -> lifecycle.complete(execution, TASK_FINAL_REPORT, applicant(), Map.of(
                FINAL_REPORT_ACTION, SUBMIT, FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "完成", AUDIT_REPORT_NO, "审-1",
                SPENT_WAN, ODD_AMOUNT_WAN))).hasMessageContaining("已使用的市级财政资金不能超过已拨付的266.66664万元");
        lifecycle.complete(execution, TASK_FINAL_REPORT, applicant(), Map.of(FINAL_REPORT_ACTION, EXTEND,
                EXTENSION_MONTHS, 6, EXTENSION_REASON, "临床样本不足", FINAL_REPORT, "验收报告初稿"));
        lifecycle.complete(execution, TASK_APPROVE_EXTENSION, "kjj", Map.of(EXTENSION_DECISION, APPROVE));
        assertThat(current().endDate()).isEqualTo(LifecycleDriver.TODAY.plusMonths(18).plusMonths(6));
        assertThat(current().extensionMonths()).isEqualTo(6);
        assertThat(current().milestones()).filteredOn(m -> m.seq() == 2).singleElement()
                .satisfies(m -> assertThat(m.dueDate()).isEqualTo(current().endDate()));
        assertThat(runtimeService.getVariable(execution.getId(), EXTENSION_INFO)).isEqualTo("已批准延期6个月（每个项目只能延期一次）");
        assertThatThrownBy(() -> lifecycle.complete(execution, TASK_FINAL_REPORT, applicant(),
                Map.of(FINAL_REPORT_ACTION, EXTEND, EXTENSION_MONTHS, 3, EXTENSION_REASON, "再延")))
                .hasMessageContaining("延期只能申请一次");
        submitFinalReport();
        panel(ProjectAssessment.ACCEPTANCE, "PASS");
        financeApproves();

        BpmnAwareTests.assertThat(execution).isEnded().hasPassed(SIGNING_INSTALMENTS, MIDTERM_INSTALMENTS, ACCEPTANCE_INSTALMENTS,
                END_ACCEPTED);
        assertThat(current().status()).isEqualTo(Project.COMPLETED);
        assertThat(current().milestones()).extracting(Project.Milestone::status).containsOnly(Project.Milestone.ACHIEVED);
        assertThat(entries(LedgerEntryKind.DISBURSEMENT)).extracting(LedgerEntry::amount).containsExactly(
                new BigDecimal("1333333.20"), new BigDecimal("1333333.20"), new BigDecimal("666666.60"));
        assertThat(entries(LedgerEntryKind.DISBURSEMENT)).allSatisfy(e -> assertThat(e.approvedBy()).isEqualTo("finance"));
        assertThat(disbursements.paid(project.id())).isEqualTo(new BigDecimal("3333333.00"));
    }

    @Test
    void aReturnedInstalmentIsPaidOnceAndOnlyItsApplicantAndFinanceReadItThroughTheApi() {
        signAgreement();
        assertThatThrownBy(() -> lifecycle.complete(execution, DisbursementProcess.TASK_APPROVE, "finance",
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.RETURN))).hasMessageContaining("退回时请说明原因");
        lifecycle.complete(execution, DisbursementProcess.TASK_APPROVE, "finance", Map.of(DisbursementProcess.DECISION,
                DisbursementProcess.RETURN, DisbursementProcess.COMMENT, "开户行信息待核实"));
        lifecycle.complete(execution, DisbursementProcess.TASK_RESOLVE_RETURN, "kjj",
                Map.of(DisbursementProcess.RETURN_REPLY, "已与承担单位核实开户行"));
        financeApproves();
        assertThat(entries(LedgerEntryKind.DISBURSEMENT)).hasSize(1);

        // A second run of the payment step (a retried job, a second node) for the same instalment.
        Map<String, Object> again = new HashMap<>(Map.of(PROJECT_ID, project.id(), DisbursementProcess.INSTALMENT_SEQ, 1,
                PROJECT_CODE, project.code(), TITLE, project.title(), APPLICANT_NAME, "实施"));
        ProcessInstance rerun = runtimeService.createProcessInstanceByKey(DisbursementProcess.KEY)
                .businessKey(project.code()).setVariables(again).startBeforeActivity(DisbursementProcess.RECORD_PAYMENT)
                .execute();
        lifecycle.runJobs(rerun);
        BpmnAwareTests.assertThat(rerun).isEnded().hasPassed(DisbursementProcess.END_PAID);
        disbursements.pay(project.id(), 1, "finance", rerun.getId());
        assertThat(entries(LedgerEntryKind.DISBURSEMENT)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(new BigDecimal("1333333.20")));

        Http own = Http.as(port, applicant());
        assertThat(own.get("/api/projects").body()).contains(project.code(), "\"fundedAmount\":\"3333333.00\"");
        assertThat(own.get("/api/projects/" + project.id() + "/instalments").body())
                .contains("\"amountDisplay\":\"133.33万元\"", "\"releasedByLabel\":\"验收通过\"");
        assertThat(own.get("/api/ledger?projectId=" + project.id()).body()).contains("1333333.20");
        assertThat(own.get("/api/ledger?organizationId=" + project.organizationId() + "&size=1").body())
                .contains("1333333.20");
        assertThat(own.get("/api/projects?size=0").status()).isEqualTo(400);
        // the list of the unit that leads the call: the database selects its cases, newest first
        assertThat(Http.as(port, "kjj").get("/api/projects?size=200").body()).contains(project.code());
        Http other = Http.as(port, "applicant");
        assertThat(other.get("/api/projects").body()).doesNotContain(project.code());
        assertThat(other.get("/api/projects/" + project.id()).status()).isEqualTo(404);
        assertThat(other.get("/api/projects/" + project.id() + "/instalments").status()).isEqualTo(404);
        assertThat(other.get("/api/ledger?projectId=" + project.id()).body()).isEqualTo("[]");
        assertThat(Http.as(port, "finance").get("/api/ledger?projectId=" + project.id()).body()).contains("1333333.20");
    }

    /** Of the 133.33332万 paid, 50万 were reported as spent: 83.33332万 are to be recovered. */
    @Test
    void terminatesAfterAFailedRecheckAndRecoversTheUnspentFunds() {
        reachMidtermCheck("50");
        panel(ProjectAssessment.MIDTERM, "RECTIFY");
        lifecycle.fireTimer(execution, RECTIFICATION_OVERDUE);
        panel(ProjectAssessment.MIDTERM, "RECTIFY");

        assertThat(current().status()).isEqualTo(Project.TERMINATED);
        BpmnAwareTests.assertThat(execution).isWaitingAt(TASK_CONFIRM_RECOVERY);
        assertThat(runtimeService.getVariable(execution.getId(), RECOVERY_DISPLAY)).isEqualTo("83.33332万元");
        lifecycle.complete(execution, TASK_CONFIRM_RECOVERY, "finance", Map.of(RECOVERY_CONFIRMED, true));
        assertThat(entries(LedgerEntryKind.RECOVERY)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(new BigDecimal("833333.20")));

        assertThatThrownBy(() -> recordReceipt("finance", "100", "JK-1"))
                .hasMessageContaining("到账金额不能超过尚未追回的83.33332万元");
        recordReceipt("finance", "50", "JK-1");
        BpmnAwareTests.assertThat(execution).isWaitingAt(TASK_REVIEW_REPAYMENT);
        assertThat(entries(LedgerEntryKind.REPAYMENT)).isEmpty();
        assertThatThrownBy(() -> reviewReceipt("finance", CONFIRM))
                .hasMessageContaining("您已办理本案「登记追回款到账」，「复核追回款到账」须由另一位同事办理");
        assertThat(entries(LedgerEntryKind.REPAYMENT)).isEmpty();
        reviewReceipt("finance2", CONFIRM);
        BpmnAwareTests.assertThat(execution).isWaitingAt(TASK_RECORD_REPAYMENT);
        // The booking step run again for receipt 1 (a retried job) finds the row and books nothing more.
        recoveries.receive(project.id(), 1, new BigDecimal("500000.00"), "JK-1", "finance2", execution.getId());
        assertThat(entries(LedgerEntryKind.REPAYMENT)).singleElement().satisfies(e -> {
            assertThat(e.approvedBy()).isEqualTo("finance2");
            assertThat(e.memo()).contains("JK-1");
        });
        // Only who recorded this receipt is excluded: the reviewer of the first may record the second.
        recordReceipt("finance2", "33.33332", "JK-2");
        reviewReceipt("finance", CONFIRM);

        BpmnAwareTests.assertThat(execution).isEnded().hasPassed(END_RECOVERED);
        assertThat(entries(LedgerEntryKind.REPAYMENT)).extracting(LedgerEntry::milestoneSeq).containsExactly(1, 2);
        assertThat(entries(LedgerEntryKind.REPAYMENT)).extracting(LedgerEntry::approvedBy)
                .containsExactly("finance2", "finance");
    }

    @Test
    void aTerminatedProjectThatSpentAllItWasPaidOwesNothing() {
        reachMidtermCheck("133.33332");
        panel(ProjectAssessment.MIDTERM, "FAIL");

        BpmnAwareTests.assertThat(execution).isEnded().hasPassed(END_NOTHING_TO_RECOVER);
        assertThat(current().status()).isEqualTo(Project.TERMINATED);
        assertThat(entries(LedgerEntryKind.RECOVERY)).isEmpty();
    }

    private void recordReceipt(String user, String repaidWan, String receiptNo) {
        lifecycle.complete(execution, TASK_RECORD_REPAYMENT, user,
                Map.of(REPAID_WAN, repaidWan, RECEIPT_NO, receiptNo));
    }

    private void reviewReceipt(String user, String decision) {
        lifecycle.complete(execution, TASK_REVIEW_REPAYMENT, user, Map.of(REPAYMENT_REVIEW, decision));
    }
}
