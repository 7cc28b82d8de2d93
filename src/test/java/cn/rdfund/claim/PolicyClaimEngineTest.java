package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.rdfund.calendar.NoticePeriod;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import cn.rdfund.system.tasks.CurrentUser;
import cn.rdfund.system.tasks.FreshFormAnswers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
 * bpmn/claim/PolicyClaim.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml), with the
 * Disbursement it calls for each instalment replaced by a stub: the claim withdrawn at once or after a return, ended as
 * a duplicate, rejected or returned by the formal check and corrected; the measure's co-units consulted in parallel or
 * not at all; the award table's amount, 一事一议 supported or declined, or not eligible; nothing due after 从优就高;
 * approval refused; the notice ended by its timer, an objection upheld; paid in one instalment, or one a year. The steps
 * that write the claim, its award and its money are recorders (what the award table, the committee and the settlement
 * decide is set by the test); the listener that blanks the check's and approval's forms each round is the real one.
 * The amounts, the claim form's rules, four eyes and the ledger are tested with ClaimFormTest, AwardTablesTest,
 * OverlapSettlementTest and over the whole application (PolicyClaimProcessTest).
 */
@EngineOnlyTest
@Deployment(resources = {"bpmn/claim/PolicyClaim.bpmn", "bpmn/claim/ClaimForm.form", "bpmn/claim/ClaimCheckForm.form",
        "bpmn/claim/ClaimConsultForm.form", "bpmn/claim/CommitteeDecisionForm.form", "bpmn/claim/ClaimApprovalForm.form",
        "bpmn/claim/ClaimNoticeForm.form"})
class PolicyClaimEngineTest {

    private static final String CLAIMANT_USER = "applicant1";
    private static final String CODE = "DX2026-000001";
    private static final long CLAIM = 11L;
    private static final long AWARD_PROJECT = 77L;
    private static final String LEAD_UNIT = "pm-rsj";
    private static final String MEASURES = "P6.1 高层次人才奖励\nP6.3 订单班培训补贴";
    private static final ZonedDateTime NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault());
    private static final ZonedDateTime NOTICE_ENDS_AT = NOW.plus(Duration.ofDays(5));

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();
    private final Set<String> labelled = new TreeSet<>();
    private final Routing routing = new Routing();
    /** The organization's live claim for the same item that registration finds under its lock. */
    private boolean duplicate;
    /** What the award table's row says: AMOUNT, COMMITTEE or INELIGIBLE. */
    private String awardKind = "AMOUNT";
    /** Whether anything is left after the other awards for the same item (从优就高). */
    private boolean amountDue = true;

    /** The co-units and instalments the records hold ({@code ${claimRouting.coUnits(execution)}}); public for the expression language. */
    public static final class Routing implements PolicyClaimProcess.Routing {
        private List<String> coUnits = List.of();
        private List<Integer> instalments = List.of(1);

        @Override
        public List<String> coUnits(DelegateExecution execution) {
            return coUnits;
        }

        @Override
        public List<Integer> instalments(DelegateExecution execution) {
            return instalments;
        }
    }

    /** Each instalment's due time ({@code ${claimTimes.instalmentDue(execution)}}): the first at once, then yearly. */
    public static final class Times implements PolicyClaimProcess.Times {
        @Override
        public String instalmentDue(DelegateExecution execution) {
            return NoticePeriod.forTimer(dueOf((Integer) execution.getVariable(INSTALMENT_SEQ)));
        }

        static ZonedDateTime dueOf(int seq) {
            return NOW.plusYears(seq - 1);
        }
    }

    @BeforeEach
    void registerBeansAndStubs() {
        steps = new EngineOnlySteps(processEngine);
        Mocks.register("labelTaskWithProject", (TaskListener) task -> labelled.add(task.getTaskDefinitionKey()));
        Mocks.register("freshFormAnswers", new FreshFormAnswers());
        Mocks.register("showClaimableMeasures", (TaskListener) task -> task.setVariableLocal("measuresText", MEASURES));
        Mocks.register("claimRouting", routing);
        Mocks.register("claimTimes", new Times());
        Mocks.register("registerClaim", (JavaDelegate) execution -> {
            execution.setVariable("duplicateClaim", false);
            if (WITHDRAW.equals(execution.getVariable(CLAIM_ACTION))) {
                calls.add("withdraw");
                return;
            }
            calls.add("register " + execution.getVariable("claimTitle") + (duplicate ? " refused as a duplicate" : ""));
            if (duplicate) {
                execution.setVariable("duplicateClaim", true);
                return;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(CLAIM_ID, CLAIM);
            variables.put(DisbursementProcess.PROJECT_CODE, CODE);
            variables.put(DisbursementProcess.TITLE, "高层次人才奖励：" + execution.getVariable("claimTitle"));
            variables.put("leadUnitGroup", LEAD_UNIT);
            variables.put("hasCoUnits", !routing.coUnits.isEmpty());
            variables.put("ruleText", "A类人才30万元，分三年兑现");
            variables.put("claimSummary", CODE + " 申领企业");
            execution.setVariables(variables);
        });
        Mocks.register("recordClaimCheck", (TaskListener) task -> calls.add("check " + task.getVariable(CHECK_DECISION)
                + " by " + CurrentUser.of(task) + comment(task.getVariable(CHECK_COMMENT))));
        Mocks.register("recordCoUnitOpinion", (TaskListener) task -> calls.add("opinion of " + task.getVariable(CO_UNIT_GROUP)
                + " by " + CurrentUser.of(task) + comment(task.getVariable(CONSULT_OPINION))));
        Mocks.register("calculateAward", (JavaDelegate) execution -> {
            calls.add("calculate " + awardKind);
            execution.setVariable(AWARD_KIND, awardKind);
            execution.setVariable("calculationText", "A类人才：30.00万元");
            execution.setVariable("coUnitOpinions", String.join("\n", routing.coUnits));
        });
        Mocks.register("recordCommitteeDecision", (TaskListener) task -> calls.add("committee "
                + task.getVariable(COMMITTEE_DECISION) + " " + task.getVariable(COMMITTEE_REF) + " by " + CurrentUser.of(task)));
        Mocks.register("settleAward", (JavaDelegate) execution -> {
            calls.add(amountDue ? "settle: due" : "settle: nothing due");
            execution.setVariable(AMOUNT_DUE, amountDue);
        });
        Mocks.register("recordClaimApproval", (TaskListener) task -> calls.add("approval "
                + task.getVariable(APPROVAL_DECISION) + " by " + CurrentUser.of(task) + comment(task.getVariable(APPROVAL_COMMENT))));
        Mocks.register("publishClaimNotice", (JavaDelegate) execution -> {
            calls.add("publish notice");
            execution.setVariable("noticeEndsAt", NoticePeriod.forTimer(NOTICE_ENDS_AT));
            execution.setVariable("noticeText", "公示至" + NOTICE_ENDS_AT.toLocalDateTime() + "：" + execution.getVariable(
                    DisbursementProcess.TITLE) + "，拟支持30.00万元");
        });
        Mocks.register("recordNoticeConclusion", (TaskListener) task -> calls.add("notice " + task.getVariable(NOTICE_RESULT)
                + " by " + CurrentUser.of(task) + comment(task.getVariable(NOTICE_COMMENT))));
        Mocks.register("openAward", (JavaDelegate) execution -> {
            calls.add("open award");
            execution.setVariable(DisbursementProcess.PROJECT_ID, AWARD_PROJECT);
            execution.setVariable(DisbursementProcess.APPLICANT_NAME, "申领企业");
        });
        Mocks.register("completeClaim", (JavaDelegate) execution -> calls.add("complete"));
        Mocks.register("payInstalment", (JavaDelegate) execution -> calls.add("pay " + execution.getVariable(
                DisbursementProcess.INSTALMENT_SEQ) + " of " + execution.getVariable(DisbursementProcess.PROJECT_CODE)
                + " (project " + execution.getVariable(DisbursementProcess.PROJECT_ID) + ", "
                + execution.getVariable(DisbursementProcess.APPLICANT_NAME) + "), returns to " + execution.getVariable("returnGroup")));
        steps.stub(Bpmn.createExecutableProcess(DisbursementProcess.KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubInstalment").serviceTask("ServiceTask_StubPay")
                .camundaDelegateExpression("${payInstalment}").endEvent("EndEvent_StubPaid").done(), "Disbursement");
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    private static String comment(Object text) {
        return text == null ? "" : ": " + text;
    }

    /** The claimant starts a claim (as Tasklist does, logged in): the claim form is theirs. */
    private ProcessInstance start() {
        processEngine.getIdentityService().setAuthenticatedUserId(CLAIMANT_USER);
        ProcessInstance claim;
        try {
            claim = processEngine.getRuntimeService().startProcessInstanceByKey(KEY);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(claim).isWaitingAt(TASK_SUBMIT);
        assertThat(steps.open(TASK_SUBMIT)).isAssignedTo(CLAIMANT_USER);
        return claim;
    }

    private void submit(String title) {
        steps.complete(TASK_SUBMIT, CLAIMANT_USER, Map.of(CLAIM_ACTION, SUBMIT, "measure", "P6.1", "claimTitle", title,
                "referenceDate", "2025-05-01", "talentCategory", "A", "documents", "人才认定证书 RC2025-001"));
    }

    /** Started and submitted: the measure's lead unit is to check it. */
    private ProcessInstance submitted() {
        ProcessInstance claim = start();
        submit("引进A类人才张某");
        assertThat(claim).isWaitingAt(TASK_CHECK);
        return claim;
    }

    private void check(String decision) {
        steps.complete(TASK_CHECK, "rsj", Map.of(CHECK_DECISION, decision));
    }

    /** Checked, calculated by the table and settled: the lead unit is to approve it. */
    private ProcessInstance atApproval() {
        ProcessInstance claim = submitted();
        check(PASS);
        assertThat(claim).isWaitingAt(TASK_APPROVE);
        return claim;
    }

    /** Approved and noticed: the lead unit concludes the notice. */
    private ProcessInstance atNoticeConclusion() {
        ProcessInstance claim = atApproval();
        steps.complete(TASK_APPROVE, "rsj2", Map.of(APPROVAL_DECISION, APPROVE));
        assertThat(claim).isWaitingAt(NOTICE_ENDS);
        assertThat(steps.timer(NOTICE_ENDS).getDuedate()).as("the notice runs until its end")
                .isEqualTo(Date.from(NOTICE_ENDS_AT.toInstant()));
        steps.deadlinePasses(NOTICE_ENDS);
        assertThat(claim).isWaitingAt(TASK_CONCLUDE_NOTICE);
        assertThat(steps.open(TASK_CONCLUDE_NOTICE)).hasCandidateGroup(LEAD_UNIT);
        return claim;
    }

    private Object variable(ProcessInstance claim, String name) {
        return processEngine.getRuntimeService().getVariable(claim.getId(), name);
    }

    private Object taskVariable(Task task, String name) {
        return processEngine.getTaskService().getVariable(task.getId(), name);
    }

    @Test
    void aClaimCheckedByTheMeasuresLeadUnitApprovedAndNoticedIsPaidInOneInstalment() {
        ProcessInstance claim = start();
        assertThat(processEngine.getTaskService().getVariableLocal(steps.open(TASK_SUBMIT).getId(), "measuresText"))
                .as("the claim form lists the measures one may claim").isEqualTo(MEASURES);
        submit("引进A类人才张某");
        assertThat(steps.open(TASK_CHECK)).hasCandidateGroup(LEAD_UNIT);
        assertThat(variable(claim, "measuresText")).as("the list stays on the claimant's task").isNull();
        check(PASS);
        assertThat(steps.open(TASK_APPROVE)).hasCandidateGroup(LEAD_UNIT);
        assertThat(taskVariable(steps.open(TASK_APPROVE), "calculationText")).isEqualTo("A类人才：30.00万元");

        steps.complete(TASK_APPROVE, "rsj2", Map.of(APPROVAL_DECISION, APPROVE));
        assertThat(claim).as("nothing is paid before the notice ends").isWaitingAt(NOTICE_ENDS)
                .hasNotPassed("ServiceTask_OpenAward");
        steps.deadlinePasses(NOTICE_ENDS);
        assertThat(steps.open(TASK_CONCLUDE_NOTICE)).hasCandidateGroup(LEAD_UNIT);
        assertThat(taskVariable(steps.open(TASK_CONCLUDE_NOTICE), "noticeText")).asString().startsWith("公示至")
                .endsWith("高层次人才奖励：引进A类人才张某，拟支持30.00万元");
        steps.complete(TASK_CONCLUDE_NOTICE, "rsj", Map.of(NOTICE_RESULT, NO_OBJECTION));

        assertThat(claim).isEnded().hasPassed("Gateway_CoUnitsJoin", "Gateway_AmountJoin", "CallActivity_DisburseInstalment",
                END_PAID).hasNotPassed(TASK_CONSULT, TASK_COMMITTEE);
        assertThat(calls).containsExactly("register 引进A类人才张某", "check PASS by rsj", "calculate AMOUNT", "settle: due",
                "approval APPROVE by rsj2", "publish notice", "notice NO_OBJECTION by rsj", "open award",
                "pay 1 of " + CODE + " (project 77, 申领企业), returns to " + LEAD_UNIT, "complete");
        assertThat(labelled).as("every task a person opens names the claim").containsExactlyInAnyOrder(TASK_SUBMIT,
                TASK_CHECK, TASK_APPROVE, TASK_CONCLUDE_NOTICE);
    }

    @Test
    void aClaimReturnedByTheCheckIsCorrectedAndApproved() {
        ProcessInstance claim = submitted();
        steps.complete(TASK_CHECK, "rsj", Map.of(CHECK_DECISION, CORRECT, CHECK_COMMENT, "请补充人才认定证书"));

        assertThat(claim).isWaitingAt(TASK_SUBMIT);
        Task correction = steps.open(TASK_SUBMIT);
        assertThat(correction).as("back to the claimant").isAssignedTo(CLAIMANT_USER);
        assertThat(taskVariable(correction, CHECK_COMMENT)).as("who reads why").isEqualTo("请补充人才认定证书");
        assertThat(taskVariable(correction, "claimTitle")).as("and corrects the claim as submitted").isEqualTo("引进A类人才张某");
        assertThat(processEngine.getTaskService().getVariableLocal(correction.getId(), "measuresText")).isEqualTo(MEASURES);
        submit("引进A类人才张某（补正）");

        assertThat(claim).isWaitingAt(TASK_CHECK);
        assertThat(variable(claim, CHECK_DECISION)).as("the lead unit decides afresh").isNull();
        assertThat(variable(claim, CHECK_COMMENT)).isNull();
        steps.complete(TASK_CHECK, "rsj2", Map.of(CHECK_DECISION, PASS));
        assertThat(variable(claim, APPROVAL_DECISION)).isNull();
        steps.complete(TASK_APPROVE, "rsj", Map.of(APPROVAL_DECISION, APPROVE));

        assertThat(claim).isWaitingAt(NOTICE_ENDS);
        assertThat(calls).containsExactly("register 引进A类人才张某", "check CORRECT by rsj: 请补充人才认定证书",
                "register 引进A类人才张某（补正）", "check PASS by rsj2", "calculate AMOUNT", "settle: due",
                "approval APPROVE by rsj", "publish notice");
    }

    @Test
    void aClaimantWithdrawsBeforeSubmittingAndNothingIsRegistered() {
        ProcessInstance claim = start();

        steps.complete(TASK_SUBMIT, CLAIMANT_USER, Map.of(CLAIM_ACTION, WITHDRAW));

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimWithdrawn").hasNotPassed(TASK_CHECK);
        assertThat(calls).containsExactly("withdraw");
    }

    @Test
    void aClaimantWithdrawsAReturnedClaim() {
        ProcessInstance claim = submitted();
        steps.complete(TASK_CHECK, "rsj", Map.of(CHECK_DECISION, CORRECT, CHECK_COMMENT, "请补充人才认定证书"));

        steps.complete(TASK_SUBMIT, CLAIMANT_USER, Map.of(CLAIM_ACTION, WITHDRAW));

        assertThat(claim).isEnded().hasPassed(TASK_CHECK, "EndEvent_ClaimWithdrawn");
        assertThat(calls).containsExactly("register 引进A类人才张某", "check CORRECT by rsj: 请补充人才认定证书", "withdraw");
    }

    @Test
    void aClaimRegisteredWhileTheSameItemIsAlreadyClaimedEndsAsADuplicateUnchecked() {
        duplicate = true;
        ProcessInstance claim = start();

        submit("引进A类人才张某");

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimDuplicate").hasNotPassed(TASK_CHECK);
        assertThat(calls).containsExactly("register 引进A类人才张某 refused as a duplicate");
    }

    @Test
    void theLeadUnitRejectsAClaimAtTheFormalCheck() {
        ProcessInstance claim = submitted();

        steps.complete(TASK_CHECK, "rsj", Map.of(CHECK_DECISION, REJECT, CHECK_COMMENT, "非本市注册企业"));

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimRejected").hasNotPassed("ServiceTask_CalculateAward");
        assertThat(calls).containsExactly("register 引进A类人才张某", "check REJECT by rsj: 非本市注册企业");
    }

    @Test
    void eachCoUnitIsConsultedInParallelWithItsOwnOpinionBeforeTheAmountIsCalculated() {
        routing.coUnits = List.of("pm-kjj", "pm-gxj");
        ProcessInstance claim = submitted();
        check(PASS);

        assertThat(claim).isWaitingAt(TASK_CONSULT);
        Task kjj = taskQuery().taskDefinitionKey(TASK_CONSULT).taskCandidateGroup("pm-kjj").singleResult();
        Task gxj = taskQuery().taskDefinitionKey(TASK_CONSULT).taskCandidateGroup("pm-gxj").singleResult();
        assertThat(taskVariable(kjj, "claimSummary")).isEqualTo(CODE + " 申领企业");
        steps.complete(gxj, "gxj", Map.of(CONSULT_OPINION, "企业属于重点产业链"));
        assertThat(calls).doesNotContain("calculate AMOUNT");
        assertThat(taskVariable(kjj, CONSULT_OPINION)).as("one unit does not read another's opinion as its own").isNull();
        steps.complete(kjj, "kjj", Map.of(CONSULT_OPINION, "同意"));

        assertThat(claim).isWaitingAt(TASK_APPROVE).hasPassed(TASK_CONSULT, "Gateway_CoUnitsJoin");
        assertThat(processEngine.getRuntimeService().getVariables(claim.getId())).doesNotContainKeys(CONSULT_OPINION,
                CO_UNIT_GROUP);
        assertThat(calls).containsExactly("register 引进A类人才张某", "check PASS by rsj",
                "opinion of pm-gxj by gxj: 企业属于重点产业链", "opinion of pm-kjj by kjj: 同意", "calculate AMOUNT",
                "settle: due");
        assertThat(labelled).contains(TASK_CONSULT);
    }

    @Test
    void aClaimTheAwardTableFindsIneligibleEndsBeforeApproval() {
        awardKind = "INELIGIBLE";
        ProcessInstance claim = submitted();

        check(PASS);

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimIneligible").hasNotPassed("ServiceTask_SettleAward", TASK_APPROVE);
        assertThat(calls).endsWith("check PASS by rsj", "calculate INELIGIBLE");
    }

    @Test
    void aCaseByCaseClaimGoesOnToApprovalAtTheAmountTheCommitteeSupports() {
        awardKind = "COMMITTEE";
        ProcessInstance claim = submitted();
        check(PASS);

        assertThat(claim).isWaitingAt(TASK_COMMITTEE);
        assertThat(steps.open(TASK_COMMITTEE)).hasCandidateGroup(LEAD_UNIT);
        steps.complete(TASK_COMMITTEE, "rsj", Map.of(COMMITTEE_DECISION, SUPPORT, COMMITTEE_REF, "联席会议纪要〔2025〕3号",
                COMMITTEE_AMOUNT_WAN, "800", COMMITTEE_RATIONALE, "引进世界500强研发中心"));
        steps.complete(TASK_APPROVE, "rsj2", Map.of(APPROVAL_DECISION, APPROVE));

        assertThat(claim).isWaitingAt(NOTICE_ENDS).hasPassed(TASK_COMMITTEE, "Gateway_AmountJoin", "ServiceTask_SettleAward");
        assertThat(calls).containsExactly("register 引进A类人才张某", "check PASS by rsj", "calculate COMMITTEE",
                "committee SUPPORT 联席会议纪要〔2025〕3号 by rsj", "settle: due", "approval APPROVE by rsj2", "publish notice");
        assertThat(labelled).contains(TASK_COMMITTEE);
    }

    @Test
    void aCommitteeMayDeclineACaseByCaseClaim() {
        awardKind = "COMMITTEE";
        ProcessInstance claim = submitted();
        check(PASS);

        steps.complete(TASK_COMMITTEE, "rsj", Map.of(COMMITTEE_DECISION, DECLINE, COMMITTEE_REF, "联席会议纪要〔2025〕4号",
                COMMITTEE_RATIONALE, "不属于高端研发机构"));

        assertThat(claim).isEnded().hasPassed("EndEvent_CommitteeDeclined").hasNotPassed("ServiceTask_SettleAward");
        assertThat(calls).endsWith("calculate COMMITTEE", "committee DECLINE 联席会议纪要〔2025〕4号 by rsj");
    }

    @Test
    void anItemAlreadyAwardedAsMuchElsewhereIsNotFundedAgain() {
        amountDue = false;
        ProcessInstance claim = submitted();

        check(PASS);

        assertThat(claim).isEnded().hasPassed("EndEvent_NothingDue").hasNotPassed(TASK_APPROVE);
        assertThat(calls).endsWith("calculate AMOUNT", "settle: nothing due");
    }

    @Test
    void theLeadUnitMayRefuseToApproveWithAReason() {
        ProcessInstance claim = atApproval();

        steps.complete(TASK_APPROVE, "rsj2", Map.of(APPROVAL_DECISION, REFUSE, APPROVAL_COMMENT, "材料存疑"));

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimRefused").hasNotPassed("ServiceTask_PublishNotice");
        assertThat(calls).endsWith("settle: due", "approval REFUSE by rsj2: 材料存疑");
    }

    @Test
    void anObjectionUpheldDuringTheNoticeStopsThePayment() {
        ProcessInstance claim = atNoticeConclusion();

        steps.complete(TASK_CONCLUDE_NOTICE, "rsj", Map.of(NOTICE_RESULT, OBJECTION_UPHELD, NOTICE_COMMENT, "举报认定材料造假，经核实属实"));

        assertThat(claim).isEnded().hasPassed("EndEvent_ObjectionUpheld").hasNotPassed("ServiceTask_OpenAward",
                "SubProcess_PayInstalments");
        assertThat(calls).endsWith("publish notice", "notice OBJECTION_UPHELD by rsj: 举报认定材料造假，经核实属实")
                .doesNotContain("open award");
    }

    @Test
    void aMultiYearAwardPaysItsFirstInstalmentAtOnceAndEachLaterOneAYearAfterAndIsCompletedAfterTheLast() {
        routing.instalments = List.of(1, 2, 3);
        ProcessInstance claim = atNoticeConclusion();
        steps.complete(TASK_CONCLUDE_NOTICE, "rsj", Map.of(NOTICE_RESULT, NO_OBJECTION));

        assertThat(claim).isWaitingAt(INSTALMENT_DUE);
        assertThat(steps.timer(INSTALMENT_DUE).getDuedate()).isEqualTo(Date.from(Times.dueOf(2).toInstant()));
        assertThat(calls).endsWith("open award", "pay 1 of " + CODE + " (project 77, 申领企业), returns to " + LEAD_UNIT);
        steps.deadlinePasses(INSTALMENT_DUE);
        assertThat(claim).isWaitingAt(INSTALMENT_DUE);
        assertThat(steps.timer(INSTALMENT_DUE).getDuedate()).isEqualTo(Date.from(Times.dueOf(3).toInstant()));
        assertThat(calls).doesNotContain("complete");
        steps.deadlinePasses(INSTALMENT_DUE);

        assertThat(claim).isEnded().hasPassed(END_PAID);
        assertThat(calls).endsWith("open award", "pay 1 of " + CODE + " (project 77, 申领企业), returns to " + LEAD_UNIT,
                "pay 2 of " + CODE + " (project 77, 申领企业), returns to " + LEAD_UNIT,
                "pay 3 of " + CODE + " (project 77, 申领企业), returns to " + LEAD_UNIT, "complete");
    }
}
