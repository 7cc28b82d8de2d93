package cn.rdfund.system.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.challenge.ChallengeProcess;
import cn.rdfund.claim.ClaimService;
import cn.rdfund.claim.PolicyClaim;
import cn.rdfund.claim.PolicyClaimProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.project.Project;
import cn.rdfund.support.ChallengeDriver;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Four eyes where money is decided, tried as a user would over Camunda's REST API (as Tasklist does): whoever
 * checked or recorded an amount completes, submits or claims the step that approves it. Each is refused with a
 * Chinese message naming the earlier step, nothing is written, and another user of the same group then succeeds.
 */
@RdfundIntegrationTest
class FourEyesOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver claims;

    @Autowired
    ClaimService claimService;

    @Autowired
    ProjectScenarios scenarios;

    @Autowired
    ChallengeDriver challenges;

    @Autowired
    DisbursementService disbursements;

    @Autowired
    LedgerRepository ledger;

    private static String decision(String name, String value) {
        return "{\"variables\": {\"" + name + "\": {\"value\": \"" + value + "\", \"type\": \"String\"}}}";
    }

    private void assertStillOpenAndUnassigned(Task task) {
        Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(now).as("the task is still open").isNotNull();
        assertThat(now.getAssignee()).isNull();
    }

    private long recorded(Task task, String variable) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .variableName(variable).count();
    }

    @Test
    void theManagerWhoCheckedAClaimCannotApproveOrClaimItsApproval() {
        Map<String, Object> form = ClaimDriver.form("P4.3", "2025-06-01");
        form.put("recognitionType", "FIRST");
        ProcessInstance claim = claims.submit(lifecycle.newApplicant("四眼企业"), form);
        claims.check(claim, "kjj", PolicyClaimProcess.PASS, null);
        Task approval = lifecycle.tasks(claim, PolicyClaimProcess.TASK_APPROVE).get(0);
        Http kjj = Http.as(port, "kjj");
        String approve = decision(PolicyClaimProcess.APPROVAL_DECISION, PolicyClaimProcess.APPROVE);

        Http.Response claimed = kjj.post("/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"kjj\"}");
        Http.Response completed = kjj.post("/engine-rest/task/" + approval.getId() + "/complete", approve);
        Http.Response submitted = kjj.post("/engine-rest/task/" + approval.getId() + "/submit-form", approve);

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(403);
        assertThat(claimed.body()).contains("您已办理本案「形式审查」，「审批」须由另一位同事办理");
        for (Http.Response refused : List.of(completed, submitted)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("您已办理本案「形式审查」，「审批」须由另一位同事办理");
        }
        assertStillOpenAndUnassigned(approval);
        assertThat(recorded(approval, PolicyClaimProcess.APPROVAL_DECISION)).isZero();
        assertThat(claimService.ofProcess(claim.getId()).orElseThrow().status()).isEqualTo(PolicyClaim.CALCULATED);

        Http.Response byAnother = Http.as(port, "kjj2").post("/engine-rest/task/" + approval.getId() + "/complete", approve);
        assertThat(byAnother.status()).as(byAnother.body()).isEqualTo(204);
        assertThat(claimService.ofProcess(claim.getId()).orElseThrow().decidedBy()).isEqualTo("kjj2");
    }

    @Test
    void whoApprovedAProjectsAgreementCannotApproveItsInstalmentEvenWhenAlsoInFinance() {
        String both = lifecycle.newStaff("pm-kjj", "finance");
        Project project = scenarios.agreementDrafted("四眼拨付项目");
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_APPROVE_AGREEMENT, both,
                Map.of(ProjectExecutionProcess.AGREEMENT_DECISION, ProjectExecutionProcess.APPROVE));
        Task instalment = lifecycle.tasks(execution, DisbursementProcess.TASK_APPROVE).get(0);
        long projectId = project.id();
        String approve = decision(DisbursementProcess.DECISION, DisbursementProcess.APPROVE);

        Http.Response refused = Http.as(port, both).post("/engine-rest/task/" + instalment.getId() + "/complete", approve);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("您已办理本案「审核任务书」，「拨付审批」须由另一位同事办理");
        assertStillOpenAndUnassigned(instalment);
        assertThat(disbursements.paid(projectId)).isZero();
        Http.Response byFinance = Http.as(port, "finance").post("/engine-rest/task/" + instalment.getId() + "/complete", approve);
        assertThat(byFinance.status()).as(byFinance.body()).isEqualTo(204);
        lifecycle.runJobs(execution);
        assertThat(disbursements.paid(projectId)).isPositive();
    }

    @Test
    void whoRecordedARepaymentCannotConfirmIt() {
        Project project = scenarios.terminated("四眼追回项目");
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_CONFIRM_RECOVERY, "finance",
                Map.of(ProjectExecutionProcess.RECOVERY_CONFIRMED, true));
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_RECORD_REPAYMENT, "finance",
                Map.of(ProjectExecutionProcess.REPAID_WAN, "70", ProjectExecutionProcess.RECEIPT_NO, "JK-70"));
        Task review = lifecycle.tasks(execution, ProjectExecutionProcess.TASK_REVIEW_REPAYMENT).get(0);
        String confirm = decision(ProjectExecutionProcess.REPAYMENT_REVIEW, ProjectExecutionProcess.CONFIRM);

        Http.Response refused = Http.as(port, "finance").post("/engine-rest/task/" + review.getId() + "/complete", confirm);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("您已办理本案「登记追回款到账」，「复核追回款到账」须由另一位同事办理");
        assertStillOpenAndUnassigned(review);
        assertThat(repayments(project)).isZero();
        Http.Response bySecond = Http.as(port, "finance2").post("/engine-rest/task/" + review.getId() + "/complete", confirm);
        assertThat(bySecond.status()).as(bySecond.body()).isEqualTo(204);
        lifecycle.runJobs(execution);
        assertThat(repayments(project)).isOne();
    }

    @Test
    void theFinanceUserWhoConfirmedTheOwnersVoucherCannotApproveTheSupportItReleases() {
        String owner = lifecycle.newApplicant("四眼发榜方");
        ProcessInstance challenge = challenges.published(owner, 1);
        ProcessInstance team = challenges.apply(challenge, "四眼团队", 88);
        challenges.closeWindow(challenge);
        challenges.select(challenge, owner, List.of(challenges.applicationId(team)));
        challenges.signContracts(challenge, owner, "100\n400");
        Task report = lifecycle.tasks(challenge, ChallengeProcess.TASK_REPORT_MILESTONE).get(0);
        String milestone = report.getProcessInstanceId();
        challenges.done(report, report.getAssignee(), Map.of(ChallengeProcess.MILESTONE_REPORT, "完成第1阶段"));
        challenges.completeIn(milestone, ChallengeProcess.TASK_CONFIRM_MILESTONE, owner, Map.of(ChallengeProcess.CONFIRMATION,
                ChallengeProcess.CONFIRM, ChallengeProcess.STAGE_SCORE, 90, ChallengeProcess.OWNER_OPINION, "确认"));
        challenges.completeIn(milestone, ChallengeProcess.TASK_DECLARE_PAYMENT, owner,
                Map.of(ChallengeProcess.PAID_WAN, "100", ChallengeProcess.PAYMENT_VOUCHER, "回单100"));
        challenges.completeIn(milestone, ChallengeProcess.TASK_CONFIRM_PAYMENT, "finance",
                Map.of(ChallengeProcess.PAYMENT_DECISION, ChallengeProcess.CONFIRM));
        Task support = lifecycle.tasks(challenge, DisbursementProcess.TASK_APPROVE).get(0);
        long projectId = ((Number) taskService.getVariable(support.getId(), ProjectExecutionProcess.PROJECT_ID)).longValue();
        String approve = decision(DisbursementProcess.DECISION, DisbursementProcess.APPROVE);

        Http.Response claimed = Http.as(port, "finance").post("/engine-rest/task/" + support.getId() + "/claim",
                "{\"userId\": \"finance\"}");
        Http.Response refused = Http.as(port, "finance").post("/engine-rest/task/" + support.getId() + "/complete", approve);

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(403);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("您已办理本案「确认发榜方支付凭证」，「拨付审批」须由另一位同事办理");
        assertStillOpenAndUnassigned(support);
        assertThat(disbursements.paid(projectId)).isZero();
        Http.Response bySecond = Http.as(port, "finance2").post("/engine-rest/task/" + support.getId() + "/complete", approve);
        assertThat(bySecond.status()).as(bySecond.body()).isEqualTo(204);
        lifecycle.runJobs(challenges.rootOf(support.getProcessInstanceId()));
        assertThat(disbursements.paid(projectId)).isPositive();
    }

    private long repayments(Project project) {
        return ledger.findByProjectIdOrderByIdAsc(project.id()).stream()
                .filter(entry -> entry.kind() == LedgerEntryKind.REPAYMENT).count();
    }
}
