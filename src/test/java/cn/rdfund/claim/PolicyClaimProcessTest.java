package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Rosters;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of bpmn/claim/PolicyClaim.bpmn on the real engine and database: a claimant claims an award, the
 * measure's lead unit checks it (co-units consulted), the award table computes the amount (or a committee decides,
 * 一事一议), other awards for the same item are compared, the lead unit approves, the claim is publicly noticed and
 * paid through the shared Disbursement process and ledger, in yearly instalments where the award is multi-year.
 */
@RdfundIntegrationTest
class PolicyClaimProcessTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    TaskService taskService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProcessDriver processDriver;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    LedgerRepository ledger;

    private String claimant;

    @BeforeEach
    void aClaimant() {
        AbstractAssertions.init(processEngine);
        claimant = lifecycle.newApplicant("申领企业");
    }

    private PolicyClaim claimOf(ProcessInstance instance) {
        return claims.ofProcess(instance.getId()).orElseThrow();
    }

    private List<BigDecimal> paid(PolicyClaim claim) {
        return ledger.findByProjectIdOrderByIdAsc(claim.projectId()).stream().map(LedgerEntry::amount).toList();
    }

    private static Map<String, Object> highTech(String referenceDate, String otherAwardWan) {
        Map<String, Object> form = ClaimDriver.form("P4.3", referenceDate);
        form.put("recognitionType", "FIRST");
        form.put("otherAwardWan", otherAwardWan);
        if (!"0".equals(otherAwardWan)) {
            form.put("otherAwardPolicy", "辽宁省高新技术企业认定奖励（辽科发〔2025〕1号）");
        }
        return form;
    }

    @Test
    void aFirstRecognisedHighTechEnterpriseIsPaid20WanAfterCheckApprovalAndNotice() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        PolicyClaim submitted = claimOf(instance);
        assertThat(submitted.code()).matches("DX\\d{4}-\\d{6}");
        assertThat(submitted.policyVersion()).isEqualTo("2024");
        assertThat(lifecycle.tasks(instance, TASK_CHECK).get(0).getName()).contains(submitted.code());
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.code()).singleResult().getId())
                .as("found by its code in Cockpit and the REST API").isEqualTo(instance.getId());

        drive.check(instance, "kjj", PASS, null);
        assertThat(claimOf(instance).calculatedAmount()).isEqualByComparingTo("200000");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "calculationText"))
                .contains("首次认定").contains("20.00万元")
                .contains("（依据「企业升级与梯队奖励」第").doesNotContain("IndustryAwards");
        drive.approve(instance, "kjj2");
        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.NOTICE);
        drive.passNotice(instance, "kjj");
        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.AWARDED);
        String payment = processEngine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).singleResult().getId();
        assertThat((String) processEngine.getRuntimeService().getVariable(payment, "payeeDisplay"))
                .as("finance approves the payment seeing the account it goes to")
                .startsWith("户名 申领企业").endsWith("开户银行及账号 中国工商银行沈阳和平支行 3301 0012 3456 7890 123");
        drive.financeApproves(instance);

        PolicyClaim paid = claimOf(instance);
        assertThat(paid.status()).isEqualTo(PolicyClaim.PAID);
        assertThat(paid.decidedBy()).isEqualTo("kjj2");
        assertThat(paid(paid)).containsExactly(new BigDecimal("200000.00"));
        assertThat(instance).isEnded().hasPassed(END_PAID);
    }

    @Test
    void eachStepThatJudgesAClaimLeavesOneJudgementInTheDecisionHistory() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        assertThat(judgements(instance)).as("the submission's check and its registration ask the table one question")
                .hasSize(1);

        drive.check(instance, "kjj", PASS, null);
        assertThat(judgements(instance)).as("and the calculation after the formal check").hasSize(2)
                .allSatisfy(judgement -> assertThat(judgement.getOutputs()).isNotEmpty());
    }

    private List<HistoricDecisionInstance> judgements(ProcessInstance instance) {
        return processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("IndustryAwards").processInstanceId(instance.getId()).includeOutputs().list();
    }

    @Test
    void aHighTechEnterpriseAlreadyAwarded15WanByTheProvinceReceivesTheDifferenceOf5Wan() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "15"));
        drive.check(instance, "kjj", PASS, null);

        PolicyClaim settled = claimOf(instance);
        assertThat(settled.payableAmount()).isEqualByComparingTo("50000");
        assertThat(settled.overlapRule()).isEqualTo("TOP_UP");
        assertThat(settled.overlapNote()).contains("15.00万元").contains("补差支持5.00万元");
        drive.approve(instance, "kjj2");
        drive.passNotice(instance, "kjj");
        String financeSees = (String) taskService.getVariable(
                lifecycle.tasks(instance, DisbursementProcess.TASK_APPROVE).get(0).getId(), "instalmentBasis");
        assertThat(financeSees).contains("首次认定").contains("补差支持5.00万元");
        drive.financeApproves(instance);

        assertThat(paid(claimOf(instance))).containsExactly(new BigDecimal("50000.00"));
    }

    @Test
    void theManagerWhoCheckedAClaimMayNeitherApproveItNorTakeTheApprovalTask() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        drive.check(instance, "kjj", PASS, null);
        Task approval = lifecycle.tasks(instance, TASK_APPROVE).get(0);

        assertThatThrownBy(() -> drive.approve(instance, "kjj"))
                .hasMessageContaining("您已办理本案「形式审查」，「审批」须由另一位同事办理");
        assertThatThrownBy(() -> claimAs("kjj", approval)).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("您已办理本案「形式审查」");
        assertThatThrownBy(() -> claimAs("admin", approval, "kjj")).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("kjj 已办理本案「形式审查」");
        assertThat(instance).isWaitingAt(TASK_APPROVE);
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();
        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.CALCULATED);

        claimAs("kjj2", approval);
        drive.approve(instance, "kjj2");
        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.NOTICE);
        assertThat(claimOf(instance).decidedBy()).isEqualTo("kjj2");
    }

    @Test
    void aManagerWhoOnlyReturnedAClaimMayApproveItOnceAnotherManagerPassedTheCorrection() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        drive.check(instance, "kjj", CORRECT, "请补充证书编号");
        lifecycle.complete(instance, TASK_SUBMIT, claimant, highTech("2025-06-01", "0"));
        drive.check(instance, "kjj2", PASS, null);

        assertThatThrownBy(() -> drive.approve(instance, "kjj2")).hasMessageContaining("「形式审查」");
        drive.approve(instance, "kjj");
        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.NOTICE);
    }

    /** A claim (or, with {@code assignee}, an assignment) of the task by the user, as Tasklist's Claim button does. */
    private void claimAs(String user, Task task, String... assignee) {
        processEngine.getIdentityService().setAuthentication(user,
                processEngine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            if (assignee.length == 0) {
                taskService.claim(task.getId(), user);
            } else {
                taskService.setAssignee(task.getId(), assignee[0]);
            }
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void anItemAlreadyAwardedAsMuchElsewhereIsNotFundedAgain() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "20"));
        drive.check(instance, "kjj", PASS, null);

        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.NOTHING_DUE);
        assertThat(claimOf(instance).statusReason()).contains("不再支持");
        assertThat(instance).isEnded().hasPassed("EndEvent_NothingDue");
    }

    @Test
    void aClaimDatedOnTheLastDayOfTheWindowIsAcceptedAndOneDayLaterIsRefusedWithTheReason() {
        ProcessInstance lastDay = drive.submit(claimant, highTech("2025-12-31", "0"));
        assertThat(lastDay).isWaitingAt(TASK_CHECK);

        ProcessInstance dayAfter = processDriver.start(KEY, claimant);
        assertThatThrownBy(() -> lifecycle.complete(dayAfter, TASK_SUBMIT, claimant, highTech("2026-01-01", "0")))
                .hasMessageContaining("参照日期2026-01-01不在措施P4.3任何政策版本的有效期内，不予受理");
        assertThat(claims.ofProcess(dayAfter.getId())).isEmpty();
        assertThat(dayAfter).isWaitingAt(TASK_SUBMIT);
    }

    @Test
    void theSameItemCannotBeClaimedTwiceWhileTheFirstClaimIsAliveOrPaid() {
        ProcessInstance first = drive.submit(claimant, highTech("2025-06-01", "0"));
        String code = claimOf(first).code();

        ProcessInstance second = processDriver.start(KEY, claimant);
        assertThatThrownBy(() -> lifecycle.complete(second, TASK_SUBMIT, claimant, highTech("2025-06-01", "0")))
                .hasMessageContaining("本单位已就同一事项申领（" + code + "，待审查），不得重复申领");

        drive.check(first, "kjj", REJECT, "证书不属实");
        lifecycle.complete(second, TASK_SUBMIT, claimant, highTech("2025-06-01", "0"));
        assertThat((String) processEngine.getRuntimeService().getVariable(second.getId(), "claimSummary"))
                .contains("本单位此前同一措施的申领（1件，最近1件）：" + code).contains("不予受理");
    }

    /** 首次认定 and 重新认定 on the same date are two items: the second claim is registered, not refused. */
    @Test
    void anotherCategoryOnTheSameDateIsAnotherItem() {
        ProcessInstance first = drive.submit(claimant, highTech("2025-06-01", "0"));
        Map<String, Object> renewal = highTech("2025-06-01", "0");
        renewal.put("recognitionType", "RE");

        ProcessInstance second = drive.submit(claimant, renewal);

        assertThat(claimOf(second).status()).isNotEqualTo(PolicyClaim.REJECTED);
        assertThat((String) processEngine.getRuntimeService().getVariable(second.getId(), "claimSummary"))
                .contains("本单位此前同一措施的申领（1件，最近1件）：" + claimOf(first).code());
    }

    @Test
    void aSecondClaimForTheSameItemIsRefusedWhenSubmittedWithTheFirstClaimsCode() {
        ProcessInstance first = processDriver.start(KEY, claimant);
        ProcessInstance second = processDriver.start(KEY, claimant);
        processDriver.complete(first, TASK_SUBMIT, claimant, highTech("2025-06-01", "0"));

        // The first claim is registered as it is submitted, so the second is refused there, naming the first.
        assertThatThrownBy(() -> processDriver.complete(second, TASK_SUBMIT, claimant, highTech("2025-06-01", "0")))
                .hasMessageContaining(claimOf(first).code()).hasMessageContaining("不得重复申领");
        assertThat(first).isWaitingAt(TASK_CHECK);
        assertThat(second).isWaitingAt(TASK_SUBMIT);
        assertThat(claims.ofProcess(second.getId())).isEmpty();
    }

    @Test
    void aCorrectionThatKeepsTheMeasureAndDateKeepsTheVersionsTheClaimWasFiledUnder() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        String filedUnder = claimOf(instance).awardDecisionId();
        drive.check(instance, "kjj", CORRECT, "请补充证书编号");
        Map<String, Object> corrected = highTech("2025-06-01", "0");
        corrected.put("documents", "高新技术企业证书 GR202521000999");
        lifecycle.complete(instance, TASK_SUBMIT, claimant, corrected);

        assertThat(claimOf(instance).awardDecisionId()).isEqualTo(filedUnder);
        assertThat(claimOf(instance).documents()).contains("GR202521000999");
    }

    /** A claimant's start carries nothing: naming another claimant (or initiator) is refused outright. */
    @Test
    void aStartNamingAnotherClaimantIsRefused() {
        String other = lifecycle.newApplicant("另一企业");
        processEngine.getIdentityService().setAuthentication(claimant, List.of("applicants"));
        try {
            assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(KEY,
                    Map.of(CLAIMANT, other, "initiator", other))).hasMessageContaining(CLAIMANT);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }

        ProcessInstance instance = processDriver.start(KEY, claimant);
        assertThat(lifecycle.tasks(instance, TASK_SUBMIT).get(0).getAssignee()).isEqualTo(claimant);
    }

    @Test
    void anIncompleteClaimIsRefusedWithEveryProblemAndNothingWritten() {
        ProcessInstance instance = processDriver.start(KEY, claimant);
        Map<String, Object> form = ClaimDriver.form("P4.3", "2025-06-01");
        form.remove("documents");
        form.put("otherAwardWan", "5");

        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, form))
                .hasMessageContaining("请选择类别").hasMessageContaining("请填写申领材料清单")
                .hasMessageContaining("请填写已获奖励的政策名称及文号");
        assertThat(claims.ofProcess(instance.getId())).isEmpty();
    }

    @Test
    void aClaimantCorrectsAClaimReturnedByTheCheckAndItIsJudgedOnTheCorrectedFacts() {
        Map<String, Object> form = highTech("2025-06-01", "0");
        form.put("recognitionType", "RE");
        ProcessInstance instance = drive.submit(claimant, form);
        drive.check(instance, "kjj", CORRECT, "证书显示为首次认定，请更正认定类型");
        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.CORRECTION);
        assertThat(lifecycle.tasks(instance, TASK_SUBMIT).get(0).getAssignee()).isEqualTo(claimant);

        form.put("recognitionType", "FIRST");
        lifecycle.complete(instance, TASK_SUBMIT, claimant, form);
        drive.check(instance, "kjj", PASS, null);

        assertThat(claimOf(instance).calculatedAmount()).isEqualByComparingTo("200000");
    }

    @Test
    void aClaimantWithdrawsAReturnedClaim() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        drive.check(instance, "kjj", CORRECT, "请补充认定证书");
        lifecycle.complete(instance, TASK_SUBMIT, claimant, Map.of(CLAIM_ACTION, WITHDRAW));

        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.WITHDRAWN);
        assertThat(instance).isEnded().hasPassed("EndEvent_ClaimWithdrawn");
    }

    @Test
    void aClaimantWithdrawsBeforeSubmittingAndNothingIsRecorded() {
        ProcessInstance instance = drive.submit(claimant, Map.of(CLAIM_ACTION, WITHDRAW));

        assertThat(claims.ofProcess(instance.getId())).isEmpty();
        assertThat(instance).isEnded().hasPassed("EndEvent_ClaimWithdrawn");
    }

    @Test
    void theLeadUnitRejectsAClaimAtTheFormalCheck() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        assertThatThrownBy(() -> drive.check(instance, "kjj", REJECT, null)).hasMessageContaining("请填写退回补正或不予受理的理由");
        drive.check(instance, "kjj", REJECT, "非本市注册企业");

        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.REJECTED);
        assertThat(claimOf(instance).decidedBy()).isEqualTo("kjj");
        assertThat(instance).isEnded().hasPassed("EndEvent_ClaimRejected");
    }

    @Test
    void theCheckOfAMeasureGoesToItsLeadUnitAndItsCoUnitsAreConsultedBeforeTheAmount() {
        ProcessInstance instance = drive.submitWithRoster(claimant, ClaimDriver.form("P6.3", "2025-09-01"),
                Rosters.xlsx(List.of(Rosters.graduate("甲", Rosters.uniqueIdNumber()),
                        Rosters.graduate("乙", Rosters.uniqueIdNumber()), Rosters.graduate("丙", Rosters.uniqueIdNumber()))));
        assertThat(candidateGroups(instance, TASK_CHECK)).containsExactly("pm-rsj");

        drive.check(instance, "rsj", PASS, null);
        assertThat(candidateGroups(instance, TASK_CONSULT)).containsExactly("pm-jyj");
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_CONSULT, "jyj", Map.of()))
                .hasMessageContaining("请填写配合单位意见");
        lifecycle.complete(instance, TASK_CONSULT, "jyj", Map.of(CONSULT_OPINION, "3名学员均在合作院校订单班名单内"));

        assertThat(claims.opinionsOf(claimOf(instance).id())).extracting(ClaimOpinion::unit).containsExactly("JYJ");
        assertThat(claimOf(instance).calculatedAmount()).isEqualByComparingTo("15000");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "coUnitOpinions"))
                .contains("市教育局").contains("订单班");
        assertThat(candidateGroups(instance, TASK_APPROVE)).containsExactly("pm-rsj");
    }

    @Test
    void aFinanceReturnOfAnAwardGoesBackToTheMeasuresLeadUnit() {
        ProcessInstance instance = drive.submitWithRoster(claimant, ClaimDriver.form("P6.3", "2025-09-01"),
                Rosters.xlsx(List.of(Rosters.graduate("丁", Rosters.uniqueIdNumber()))));
        drive.check(instance, "rsj", PASS, null);
        lifecycle.complete(instance, TASK_CONSULT, "jyj", Map.of(CONSULT_OPINION, "同意"));
        drive.approve(instance, "rsj2");
        drive.passNotice(instance, "rsj");
        lifecycle.complete(instance, DisbursementProcess.TASK_APPROVE, "finance", Map.of(DisbursementProcess.DECISION,
                DisbursementProcess.RETURN, DisbursementProcess.COMMENT, "请补充学员社保缴纳证明"));

        assertThat(candidateGroups(instance, DisbursementProcess.TASK_RESOLVE_RETURN)).containsExactly("pm-rsj");
    }

    /** A P5.2 claim (当年竣工投产) with this investment and land cost in it, checked by 发改委 and 工信局 consulted. */
    private ProcessInstance completionProjectCheckedAndConsulted(String investmentWan, String landCostWan) {
        ProcessInstance instance = drive.submit(claimant, completionProject(investmentWan, landCostWan));
        drive.check(instance, "fgw", PASS, null);
        lifecycle.complete(instance, TASK_CONSULT, "gxj", Map.of(CONSULT_OPINION, "投资额经核实"));
        return instance;
    }

    private static Map<String, Object> completionProject(String investmentWan, String landCostWan) {
        Map<String, Object> form = ClaimDriver.form("P5.2", "2025-10-01");
        form.put("investmentWan", investmentWan);
        form.put("landCostWan", landCostWan);
        return ClaimDriver.meetingConditions(form);
    }

    @Test
    void whatTheTableCanTellFromTheFormIsRefusedAtSubmissionWithItsReasonBeforeTheLeadUnitsWork() {
        ProcessInstance instance = processDriver.start(KEY, claimant);
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, completionProject("6000", "1000.01")))
                .as("有效投资 49,999,900 yuan, land excluded: one hundred yuan short of 5000万")
                .hasMessageContaining("不符合申领条件：年内形成的有效投资不足5000万元（不含土地购置费），不予奖励");

        Map<String, Object> realEstate = completionProject("6000", "1000");
        realEstate.put("projectKind", "REAL_ESTATE");
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, realEstate))
                .hasMessageContaining("不符合申领条件：房地产项目不在支持范围");
        Map<String, Object> startedTheYearBefore = completionProject("6000", "1000");
        startedTheYearBefore.put("startDate", "2024-12-31");
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, startedTheYearBefore))
                .hasMessageContaining("不符合申领条件：开工、竣工、投产须在同一年");
        Map<String, Object> producingBeforeCompletion = completionProject("6000", "1000");
        producingBeforeCompletion.put("completionDate", "2025-10-02");
        producingBeforeCompletion.put("productionDate", "2025-10-01");
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, producingBeforeCompletion))
                .hasMessageContaining("不符合申领条件：开工、竣工、投产日期先后不符");
        assertThat(claims.ofProcess(instance.getId())).as("nothing written").isEmpty();
        assertThat(instance).isWaitingAt(TASK_SUBMIT);

        lifecycle.complete(instance, TASK_SUBMIT, claimant, completionProject("6000", "1000"));
        assertThat(claimOf(instance).facts().conditionTexts()).containsEntry("projectKind", "INDUSTRIAL")
                .containsEntry("startDate", "2025-01-10");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "claimSummary"))
                .contains("项目类型：产业项目", "开工日期：2025-01-10", "竣工日期：2025-06-30", "投产日期：2025-10-01",
                        "年内完成投资总额：6000.00万元", "其中：土地购置费：1000.00万元");
    }

    @Test
    void fiveThousandWanOfInvestmentBesidesLandEarnsTheProjectAward() {
        ProcessInstance instance = completionProjectCheckedAndConsulted("6000", "1000");

        assertThat(claimOf(instance).calculatedAmount()).as("以上 includes 5000万").isEqualByComparingTo("1000000");
    }

    @Test
    void aCdmoInvestmentOf12000WanIsCappedAt1000Wan() {
        Map<String, Object> form = ClaimDriver.form("P3.2", "2025-03-01");
        form.put("baseWan", "12000");
        ProcessInstance instance = drive.submit(claimant, form);
        drive.check(instance, "fgw", PASS, null);
        lifecycle.complete(instance, TASK_CONSULT, "kjj", Map.of(CONSULT_OPINION, "同意"));

        PolicyClaim claim = claimOf(instance);
        assertThat(claim.calculatedAmount()).isEqualByComparingTo("10000000");
        assertThat(claim.calculation()).contains("1200.00万元").contains("按上限核定1000.00万元");
    }

    @Test
    void aTopInstitutionsResearchCentreIsFundedAsTheCommitteeDecided() {
        ProcessInstance instance = drive.submit(claimant, topInstitution());
        drive.check(instance, "kjj", PASS, null);
        assertThat(instance).isWaitingAt(TASK_COMMITTEE);
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_COMMITTEE, "kjj", Map.of(COMMITTEE_DECISION, SUPPORT,
                COMMITTEE_REF, "联席会议纪要〔2025〕3号", COMMITTEE_RATIONALE, "引进世界500强研发中心")))
                .hasMessageContaining("请填写会议确定的支持金额");
        lifecycle.complete(instance, TASK_COMMITTEE, "kjj", Map.of(COMMITTEE_DECISION, SUPPORT,
                COMMITTEE_REF, "联席会议纪要〔2025〕3号", COMMITTEE_AMOUNT_WAN, "800",
                COMMITTEE_RATIONALE, "引进世界500强研发中心，首期投入2亿元"));

        PolicyClaim decided = claimOf(instance);
        assertThat(decided.payableAmount()).isEqualByComparingTo("8000000");
        assertThat(decided.committeeRef()).isEqualTo("联席会议纪要〔2025〕3号");
        assertThat(decided.committeeRecordedBy()).isEqualTo("kjj");
        assertThatThrownBy(() -> drive.approve(instance, "kjj"))
                .hasMessageContaining("您已办理本案「一事一议」，「审批」须由另一位同事办理");
        drive.approve(instance, "kjj2");
        drive.passNotice(instance, "kjj");
        drive.financeApproves(instance);
        assertThat(paid(claimOf(instance))).containsExactly(new BigDecimal("8000000.00"));
    }

    @Test
    void aCommitteeMayDeclineACaseByCaseClaim() {
        ProcessInstance instance = drive.submit(claimant, topInstitution());
        drive.check(instance, "kjj", PASS, null);
        lifecycle.complete(instance, TASK_COMMITTEE, "kjj", Map.of(COMMITTEE_DECISION, DECLINE,
                COMMITTEE_REF, "联席会议纪要〔2025〕4号", COMMITTEE_RATIONALE, "不属于高端研发机构"));

        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.DECLINED);
        assertThat(instance).isEnded().hasPassed("EndEvent_CommitteeDeclined");
    }

    @Test
    void theLeadUnitMayRefuseToApproveWithAReason() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        drive.check(instance, "kjj", PASS, null);
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, REFUSE)))
                .hasMessageContaining("不同意时请填写理由");
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, REFUSE,
                APPROVAL_COMMENT, "长".repeat(2001)))).hasMessageContaining("审批意见").hasMessageContaining("2000字");
        lifecycle.complete(instance, TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, REFUSE, APPROVAL_COMMENT, "材料存疑"));

        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.REFUSED);
        assertThat(instance).isEnded().hasPassed("EndEvent_ClaimRefused");
    }

    @Test
    void anObjectionUpheldDuringTheNoticeStopsThePayment() {
        ProcessInstance instance = drive.submit(claimant, highTech("2025-06-01", "0"));
        drive.check(instance, "kjj", PASS, null);
        drive.approve(instance, "kjj2");
        lifecycle.fireTimer(instance, NOTICE_ENDS);
        lifecycle.complete(instance, TASK_CONCLUDE_NOTICE, "kjj", Map.of(NOTICE_RESULT, OBJECTION_UPHELD,
                NOTICE_COMMENT, "举报认定材料造假，经核实属实"));

        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.OBJECTION_UPHELD);
        assertThat(claimOf(instance).decidedBy()).isEqualTo("kjj");
        assertThat(claimOf(instance).projectId()).isNull();
        assertThat(instance).isEnded().hasPassed("EndEvent_ObjectionUpheld");
    }

    /** P6.1 pays for one identified talent: one live or paid claim per person, whichever enterprise claims. */
    @Test
    void aTalentIsClaimedOnceWhicheverEnterpriseClaimsAndAClaimEndingUnpaidReleasesThem() {
        String idNumber = Rosters.uniqueIdNumber();
        String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
        ProcessInstance first = drive.submit(claimant, talent("2025-05-01", idNumber));
        assertThat((String) processEngine.getRuntimeService().getVariable(first.getId(), "claimSummary"))
                .contains("人才姓名：王五", "人才公民身份号码：" + masked).doesNotContain(idNumber);

        String other = lifecycle.newApplicant("另一人才企业");
        ProcessInstance second = processDriver.start(KEY, other);
        assertThatThrownBy(() -> lifecycle.complete(second, TASK_SUBMIT, other, talent("2025-05-01", idNumber)))
                .hasMessageContaining("王五（" + masked + "）已由其他单位申领，同一人员在同一措施下不得重复申领")
                .hasMessageNotContaining(claimOf(first).code()).hasMessageNotContaining(idNumber);
        ProcessInstance again = processDriver.start(KEY, claimant);
        assertThatThrownBy(() -> lifecycle.complete(again, TASK_SUBMIT, claimant, talent("2025-06-01", idNumber)))
                .hasMessageContaining("已由本单位申领（" + claimOf(first).code() + "）");
        String wrongCheck = idNumber.substring(0, 17) + (idNumber.endsWith("1") ? "2" : "1");
        assertThatThrownBy(() -> lifecycle.complete(again, TASK_SUBMIT, claimant, talent("2025-06-01", wrongCheck)))
                .hasMessageContaining("「人才公民身份号码」校验位不符，请核对号码");

        Map<String, Object> anotherTalent = talent("2025-05-01", Rosters.uniqueIdNumber());
        anotherTalent.put("talentName", "赵六");
        lifecycle.complete(again, TASK_SUBMIT, claimant, anotherTalent);
        assertThat(claimOf(again).status()).as("a second talent of the same category on the same day is another item")
                .isEqualTo(PolicyClaim.SUBMITTED);

        drive.check(first, "rsj", REJECT, "引进材料不实");
        lifecycle.complete(second, TASK_SUBMIT, other, talent("2025-05-01", idNumber));
        assertThat(claimOf(second).status()).as("the rejected claim no longer holds the talent")
                .isEqualTo(PolicyClaim.SUBMITTED);
    }

    /** P5.1a/b pay once per certificate: another enterprise, or the same one on another date, cannot claim it again. */
    @Test
    void aCertificateIsClaimedOnceAndTwoCertificatesOfOneClassOnOneDayAreTwoItems() {
        String certificate = "国药准字H" + (20250000 + (int) (System.nanoTime() % 9999));
        Map<String, Object> drug = ClaimDriver.form("P5.1a", "2025-03-10", "drugClass", "CLASS1");
        drug.put("certificateNumber", certificate.substring(0, 5) + " " + certificate.substring(5).toLowerCase());
        ProcessInstance first = drive.submit(claimant, drug);
        assertThat(claimOf(first).facts().conditionTexts()).containsEntry("certificateNumber", certificate);

        String other = lifecycle.newApplicant("另一药企");
        ProcessInstance copy = processDriver.start(KEY, other);
        Map<String, Object> sameCertificate = ClaimDriver.form("P5.1a", "2025-03-11", "drugClass", "CLASS1");
        sameCertificate.put("certificateNumber", certificate);
        assertThatThrownBy(() -> lifecycle.complete(copy, TASK_SUBMIT, other, sameCertificate))
                .hasMessageContaining("注册证书编号" + certificate + "已由其他单位申领，同一证书在同一措施下不得重复申领");

        Map<String, Object> anotherDrug = ClaimDriver.form("P5.1a", "2025-03-10", "drugClass", "CLASS1");
        anotherDrug.put("certificateNumber", certificate.substring(0, 5) + (Integer.parseInt(certificate.substring(5)) + 1));
        assertThat(claimOf(drive.submit(claimant, anotherDrug)).status()).isEqualTo(PolicyClaim.SUBMITTED);
    }

    @Test
    void conditionTextsAndTheBankAreOneLineAndTheBankHoldsNoAccountNumber() {
        ProcessInstance instance = processDriver.start(KEY, claimant);
        Map<String, Object> forged = ClaimDriver.form("P2.3", "2025-03-10", "requestedWan", "30");
        forged.put("partners", "某医院\n申请金额：50.00万元");
        forged.put("payeeBank", "中国工商银行沈阳和平支行 户名张三 账号 6222000011112222333");
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, forged))
                .hasMessageContaining("「合作单位」只能填写一行文字（不含换行或控制字符）")
                .hasMessageContaining("「开户银行」只填写银行和支行名称（一行，不含账号）");
        forged.put("partners", "某医院\u202e、某大学");
        forged.put("payeeBank", "中国工商银行沈阳和平支行");
        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, forged))
                .hasMessageContaining("「合作单位」只能填写一行文字");
    }

    private static Map<String, Object> talent(String referenceDate, String idNumber) {
        Map<String, Object> form = ClaimDriver.form("P6.1", referenceDate);
        form.put("talentCategory", "B");
        form.put("talentIdNumber", idNumber);
        return ClaimDriver.meetingConditions(form);
    }

    @Test
    void aTalentAwardIsPaidInThreeYearlyInstalmentsEachAfterFinanceApproves() {
        Map<String, Object> form = ClaimDriver.meetingConditions(ClaimDriver.form("P6.1", "2025-05-01"));
        form.put("talentCategory", "A");
        ProcessInstance instance = drive.submit(claimant, form);
        drive.check(instance, "rsj", PASS, null);
        assertThat(candidateGroups(instance, TASK_CONSULT)).containsExactlyInAnyOrder("pm-kjj", "pm-gxj");
        drive.consultAll(instance);
        drive.approve(instance, "rsj2");
        drive.passNotice(instance, "rsj");
        drive.financeApproves(instance);
        assertThat(paid(claimOf(instance))).containsExactly(new BigDecimal("102000.00"));
        assertThat(instance).isWaitingAt(INSTALMENT_DUE);

        lifecycle.fireTimer(instance, INSTALMENT_DUE);
        drive.financeApproves(instance);
        lifecycle.fireTimer(instance, INSTALMENT_DUE);
        drive.financeApproves(instance);

        assertThat(paid(claimOf(instance))).containsExactly(new BigDecimal("102000.00"), new BigDecimal("99000.00"),
                new BigDecimal("99000.00"));
        assertThat(claimOf(instance).status()).isEqualTo(PolicyClaim.PAID);
        assertThat(instance).isEnded().hasPassed(END_PAID);
    }

    private static Map<String, Object> topInstitution() {
        return ClaimDriver.meetingConditions(ClaimDriver.form("P3.3", "2025-04-01"));
    }

    private List<String> candidateGroups(ProcessInstance instance, String taskKey) {
        return drive.candidateGroups(instance, taskKey);
    }
}
