package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.support.ChallengeDriver;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 揭榜挂帅 over the whole application, on the real engine and database with the engine's authorizations on: a 发榜方
 * posts a challenge, teams apply through the ordinary application process, the 发榜方 selects, contracts, confirms or
 * disputes milestones and pays; the city's support goes through Disbursement and the ledger. Three journeys that need
 * all of it: one team solving a republished challenge, paid to the fen under four eyes; a 赛马 that waits for the last
 * application, cuts a team at the stage gate, keeps each team's variables to itself and fails at acceptance; and a
 * 发榜方 whose first demand is rejected (its support project withdrawn) and whose team's milestone is disputed and
 * upheld when nothing is left under its cap. Every path of Challenge.bpmn and ChallengeMilestone.bpmn is in
 * ChallengeEngineTest and ChallengeMilestoneEngineTest (the rejection by the experts, the cancellations, 流标 ended at
 * once or after the second window, the reasons each end records); the checks that read no database in
 * ChallengeRulesTest; the support's arithmetic in ChallengeSupportTest, the contract's in ContractTermsTest.
 */
@RdfundIntegrationTest
class ChallengeProcessTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ChallengeDriver drive;

    @Autowired
    ProcessDriver processDriver;

    @Autowired
    ChallengeService challenges;

    @Autowired
    ChallengeTeams teams;

    @Autowired
    ProjectRepository projects;

    @Autowired
    LedgerRepository ledger;

    private String owner;

    @BeforeEach
    void anOwner() {
        AbstractAssertions.init(processEngine);
        owner = lifecycle.newApplicant("发榜企业");
    }

    private Challenge challengeOf(ProcessInstance instance) {
        return challenges.ofProcess(instance.getId());
    }

    private List<BigDecimal> supportPaid(Challenge challenge) {
        return ledger.findByProjectIdOrderByIdAsc(challenge.projectId()).stream().map(LedgerEntry::amount).toList();
    }

    @Test
    void republishesOnceAfterNoQualifiedTeamThenOneTeamSolvesIt() {
        ProcessInstance challenge = drive.published(owner, 1);
        String code = (String) processEngine.getRuntimeService().getVariable(challenge.getId(), "projectCode");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey("Challenge").singleResult().getId()).as("found by its code in Cockpit")
                .isEqualTo(challenge.getId());
        // the window: the 发榜方 may cancel (with the reason) but not close early; the manager may not cancel
        assertThatThrownBy(() -> lifecycle.complete(challenge, TASK_WINDOW, owner, Map.of(WINDOW_ACTION, CANCEL)))
                .hasMessageContaining("取消榜单时请写明原因");
        assertThatThrownBy(() -> lifecycle.complete(challenge, TASK_WINDOW, owner, Map.of(WINDOW_ACTION, CLOSE)))
                .hasMessageContaining("发榜方不能提前截止揭榜");
        assertThatThrownBy(() -> lifecycle.complete(challenge, TASK_WINDOW, "kjj", Map.of(WINDOW_ACTION, CANCEL,
                CANCEL_REASON, "经理代为取消"))).hasMessageContaining("只有发榜方可以取消榜单");
        drive.apply(challenge, "弱团队", 50);
        lifecycle.fireTimer(challenge, WINDOW_CLOSED);
        assertThat(challenge).isWaitingAt(TASK_REPUBLISH);
        assertThatThrownBy(() -> lifecycle.complete(challenge, TASK_REPUBLISH, "kjj", Map.of(REPUBLISH_DECISION, END)))
                .hasMessageContaining("流标结束时请写明说明");
        lifecycle.complete(challenge, TASK_REPUBLISH, "kjj", Map.of(REPUBLISH_DECISION, REPUBLISH));
        drive.publish(challenge);
        assertThat(challengeOf(challenge).publishRound()).isEqualTo(2);

        ProcessInstance application = drive.apply(challenge, "强团队", 88);
        drive.closeWindow(challenge);
        assertThatThrownBy(() -> drive.select(challenge, owner, List.of("999999"))).hasMessageContaining("只能从通过形式审查和专家评审");
        drive.select(challenge, owner, List.of(drive.applicationId(application)));

        // contract: refused over the committed amount, the team objects once, the manager returns it once
        Task draft = lifecycle.tasks(challenge, TASK_DRAFT_CONTRACT).get(0);
        assertThatThrownBy(() -> drive.done(draft, owner, Map.of(CONTRACT_MILESTONES, ChallengeDriver.milestones(3),
                CONTRACT_PAYMENTS, "0\n300\n300", CONTRACT_INDICATORS, "纯度")))
                .hasMessageContaining("超过发榜方承诺的500.00万元");
        drive.done(draft, owner, Map.of(CONTRACT_MILESTONES, ChallengeDriver.milestones(3), CONTRACT_PAYMENTS, "0\n200\n300",
                CONTRACT_INDICATORS, "产品纯度≥99.5%"));
        Task accept = lifecycle.tasks(challenge, TASK_ACCEPT_CONTRACT).get(0);
        drive.done(accept, accept.getAssignee(), Map.of(CONTRACT_ACCEPTANCE, OBJECT, SOLVER_COMMENT, "第二阶段期限过紧"));
        lifecycle.complete(challenge, TASK_DRAFT_CONTRACT, owner, Map.of(CONTRACT_MILESTONES, ChallengeDriver.milestones(3),
                CONTRACT_PAYMENTS, "0\n200\n300", CONTRACT_INDICATORS, "产品纯度≥99.5%"));
        accept = lifecycle.tasks(challenge, TASK_ACCEPT_CONTRACT).get(0);
        drive.done(accept, accept.getAssignee(), Map.of(CONTRACT_ACCEPTANCE, AGREE));
        lifecycle.complete(challenge, TASK_COUNTERSIGN, "kjj", Map.of(COUNTERSIGN_DECISION, RETURN, COUNTERSIGN_COMMENT, "补充验收方式"));
        lifecycle.complete(challenge, TASK_DRAFT_CONTRACT, owner, Map.of(CONTRACT_MILESTONES, ChallengeDriver.milestones(3),
                CONTRACT_PAYMENTS, "0\n200\n300", CONTRACT_INDICATORS, "产品纯度≥99.5%，第三方检测"));
        accept = lifecycle.tasks(challenge, TASK_ACCEPT_CONTRACT).get(0);
        drive.done(accept, accept.getAssignee(), Map.of(CONTRACT_ACCEPTANCE, AGREE));
        lifecycle.complete(challenge, TASK_COUNTERSIGN, "kjj", Map.of(COUNTERSIGN_DECISION, APPROVE));
        Challenge signed = challengeOf(challenge);
        assertThat(signed.status()).isEqualTo(Challenge.IN_PROGRESS);
        assertThat(projects.findById(signed.projectId()).orElseThrow().approvedAmount()).isEqualByComparingTo("1500000.00");

        // milestone 1 pays nothing by contract: no payment, no support
        Task report = lifecycle.tasks(challenge, TASK_REPORT_MILESTONE).get(0);
        drive.done(report, report.getAssignee(), Map.of(MILESTONE_REPORT, "完成方案设计"));
        drive.completeIn(report.getProcessInstanceId(), TASK_CONFIRM_MILESTONE, owner, Map.of(CONFIRMATION, CONFIRM,
                STAGE_SCORE, 90, OWNER_OPINION, ""));
        assertThat(lifecycle.tasks(challenge, TASK_DECLARE_PAYMENT)).isEmpty();

        // milestone 2: the report is late (escalation), paid after finance returned the first voucher
        report = lifecycle.tasks(challenge, TASK_REPORT_MILESTONE).get(0);
        String milestone = report.getProcessInstanceId();
        lifecycle.fireTimer(runtimeService.createProcessInstanceQuery().processInstanceId(milestone).singleResult(),
                REPORT_OVERDUE);
        Task escalation = lifecycle.tasks(challenge, TASK_ESCALATE_MILESTONE).get(0);
        assertThatThrownBy(() -> drive.done(escalation, "kjj", Map.of())).hasMessageContaining("请填写督办情况");
        drive.done(escalation, "kjj", Map.of(FOLLOW_UP, "已电话督促，三日内提交"));
        drive.done(report, report.getAssignee(), Map.of(MILESTONE_REPORT, "完成小试"));
        drive.completeIn(milestone, TASK_CONFIRM_MILESTONE, owner, Map.of(CONFIRMATION, CONFIRM, STAGE_SCORE, 90, OWNER_OPINION, ""));
        assertThatThrownBy(() -> drive.completeIn(milestone, TASK_DECLARE_PAYMENT, owner, Map.of(PAID_WAN, "250", PAYMENT_VOUCHER, "x")))
                .hasMessageContaining("超过合同约定");
        drive.completeIn(milestone, TASK_DECLARE_PAYMENT, owner, Map.of(PAID_WAN, "200", PAYMENT_VOUCHER, "回单001"));
        drive.completeIn(milestone, TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, RETURN, PAYMENT_COMMENT, "回单不清晰"));
        drive.completeIn(milestone, TASK_DECLARE_PAYMENT, owner, Map.of(PAID_WAN, "200", PAYMENT_VOUCHER, "回单001（清晰）"));
        drive.completeIn(milestone, TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, CONFIRM));
        // four eyes: who confirmed the voucher does not approve the support it releases
        Task support = lifecycle.tasks(challenge, DisbursementProcess.TASK_APPROVE).get(0);
        assertThatThrownBy(() -> drive.done(support, "finance", Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE)))
                .hasMessageContaining("您已办理本案「确认发榜方支付凭证」，「拨付审批」须由另一位同事办理");
        assertThat(supportPaid(signed)).isEmpty();
        drive.done(support, "finance2", Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
        assertThat(supportPaid(signed)).containsExactly(new BigDecimal("600000.00"));

        // acceptance: the last milestone is paid, and supported, only after it passed
        Task final_ = lifecycle.tasks(challenge, TASK_SUBMIT_ACCEPTANCE).get(0);
        drive.done(final_, final_.getAssignee(), Map.of(FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "纯度99.6%，收率87%"));
        lifecycle.complete(challenge, TASK_SIGN_OFF, owner, Map.of(SIGN_OFF_DECISION, SIGN));
        lifecycle.completePanel(challenge, ProjectAssessment.ACCEPTANCE, Map.of(VERDICT, PASS, ASSESSMENT_COMMENT, "指标全部达到"));
        Task lastPayment = lifecycle.tasks(challenge, TASK_DECLARE_PAYMENT).get(0);
        drive.pay(owner, lastPayment.getProcessInstanceId(), "300");
        assertThat(supportPaid(signed)).containsExactly(new BigDecimal("600000.00"), new BigDecimal("900000.00"));

        assertThat(challenge).isEnded().hasPassed(END_SOLVED);
        assertThat(challengeOf(challenge).status()).isEqualTo(Challenge.SOLVED);
        assertThat(projects.findById(signed.projectId()).orElseThrow().status()).isEqualTo(Project.COMPLETED);
        assertThat(teams.of(signed.id())).extracting(ChallengeTeam::status).containsExactly(ChallengeTeam.ACCEPTED);
    }

    private ProcessInstance startApplicationOnly(ProcessInstance challenge) {
        String applicant = lifecycle.newApplicant("待审团队");
        ProcessInstance application = processDriver.start(FundingApplicationProcess.KEY, applicant);
        lifecycle.complete(application, FundingApplicationProcess.TASK_FILL, applicant, Map.of(
                "callId", String.valueOf(challengeOf(challenge).callId()), "title", "方案", "requestedWan", "300",
                "coFundingWan", "", "partnerUsccs", "", "projectSummary", "简介", "teamDescription", "团队", "workPlan", "计划",
                "promisedIndicators", "指标"));
        return application;
    }

    @Test
    void aHorseRaceKeepsTheBestTeamAtTheStageGateAndFailsAtAcceptance() {
        ProcessInstance challenge = drive.published(owner, 2);
        ProcessInstance first = drive.apply(challenge, "甲团队", 90);
        ProcessInstance second = drive.apply(challenge, "乙团队", 80);
        ProcessInstance pending = startApplicationOnly(challenge);
        drive.closeWindow(challenge);
        // the 发榜方 selects only once the last application is settled: its rejection tells the challenge
        assertThat(challenge).isWaitingAt(AWAIT_REVIEWS);
        lifecycle.complete(pending, FundingApplicationProcess.TASK_FORMAL_CHECK, "kjj", Map.of(
                FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.REJECT_DECISION,
                FundingApplicationProcess.CHECK_COMMENT, "材料不全"));
        assertThat(challenge).hasPassed(APPLICATION_SETTLED);
        lifecycle.runJobs(challenge);
        assertThat(challenge).isWaitingAt(TASK_SELECT);
        assertThatThrownBy(() -> drive.select(challenge, owner, List.of())).hasMessageContaining("请选择1到2个揭榜团队");
        drive.select(challenge, owner, List.of(drive.applicationId(first), drive.applicationId(second)));
        drive.signContracts(challenge, owner, "200\n300");
        Challenge race = challengeOf(challenge);
        List<ChallengeTeam> both = teams.of(race.id());
        assertThat(both).hasSize(2).allMatch(t -> ChallengeTeam.CONTRACTED.equals(t.status()));

        List<Task> reports = lifecycle.tasks(challenge, TASK_REPORT_MILESTONE);
        assertThat(reports).hasSize(2);
        Task firstReport = reports.stream().filter(t -> t.getAssignee().equals(teams.team(both.get(0).id()).solverUserId()))
                .findFirst().orElseThrow();
        Task secondReport = reports.stream().filter(t -> t != firstReport).findFirst().orElseThrow();
        drive.passMilestone(owner, firstReport, 90, "200");
        // the 发榜方 disputes the second team's milestone; the experts find it met (dispute rejected)
        // the second team reports late: the manager is asked to follow up, but the open escalation holds nothing up
        lifecycle.fireTimer(drive.instance(secondReport.getProcessInstanceId()), REPORT_OVERDUE);
        assertThat(lifecycle.tasks(challenge, TASK_ESCALATE_MILESTONE)).hasSize(1);
        drive.done(secondReport, secondReport.getAssignee(), Map.of(MILESTONE_REPORT, "完成小试，纯度99.0%"));
        drive.completeIn(secondReport.getProcessInstanceId(), TASK_CONFIRM_MILESTONE, owner, Map.of(CONFIRMATION, DISPUTE,
                STAGE_SCORE, 60, OWNER_OPINION, "纯度未达99.5%"));
        lifecycle.completePanel(challenge, ProjectAssessment.DISPUTE, Map.of(VERDICT, PASS, ASSESSMENT_COMMENT, "小试阶段指标已达"));
        drive.pay(owner, secondReport.getProcessInstanceId(), "200");
        assertThat(lifecycle.tasks(challenge, TASK_ESCALATE_MILESTONE)).isEmpty();

        assertThat(teams.team(both.get(1).id()).status()).isEqualTo(ChallengeTeam.CUT);
        assertThat(teams.team(both.get(1).id()).outcomeReason()).contains("终止攻关，不再拨付");
        // the cut team is told in its own task list, of its own outcome only
        Task told = lifecycle.tasks(challenge, TASK_READ_GATE_OUTCOME).stream().findFirst().orElseThrow();
        assertThat(told.getAssignee()).isEqualTo(both.get(1).solverUserId());
        assertThat(told.getName()).startsWith("赛马结果告知 · ");
        Map<String, Object> toldVariables = processEngine.getTaskService().getVariables(told.getId());
        assertThat((String) toldVariables.get(GATE_OUTCOME)).startsWith(teams.teamName(teams.team(both.get(1).id())) + "：")
                .contains("终止攻关，不再拨付");
        assertThat(toldVariables.get(GATE_RESULT)).as("not the other team's result").isNull();
        processDriver.complete(told, told.getAssignee(), Map.of());
        assertThat(lifecycle.tasks(challenge, TASK_SUBMIT_ACCEPTANCE)).singleElement()
                .extracting(Task::getAssignee).isEqualTo(both.get(0).solverUserId());
        // 30 % of 200万 paid to each team
        assertThat(supportPaid(race)).containsExactly(new BigDecimal("600000.00"), new BigDecimal("600000.00"));
        // 立项金额 no longer counts the cut team's unpaid 300万: 30 % of the kept team's 500万 and the cut team's 200万
        assertThat(projects.findById(race.projectId()).orElseThrow().approvedAmount()).isEqualByComparingTo("2100000.00");

        Task final_ = lifecycle.tasks(challenge, TASK_SUBMIT_ACCEPTANCE).get(0);
        assertThat(final_.getName()).contains(teams.teamName(both.get(0)));
        // what the team's own task can read of the challenge: nothing of the other team's application or the 发榜方's assessment
        Map<String, Object> readable = processEngine.getTaskService().getVariables(final_.getId());
        for (String hidden : List.of(QUALIFIED_SUMMARY, QUALIFIED_OPTIONS, OWNER_ASSESSMENT, COUNTERSIGN_COMMENT,
                SELECTED_APPLICATIONS, GATE_RESULT, "supportDisplay", "supportNote")) {
            assertThat(readable.get(hidden)).as(hidden).isNull();
        }
        assertThat(readable.get(CONTRACT_INDICATORS)).isEqualTo("产品纯度≥99.5%；收率≥85%");
        drive.done(final_, final_.getAssignee(), Map.of(FINAL_REPORT, "完成", ACHIEVED_INDICATORS, "纯度99.1%"));
        assertThatThrownBy(() -> lifecycle.complete(challenge, TASK_SIGN_OFF, owner, Map.of(SIGN_OFF_DECISION, REFUSE)))
                .hasMessageContaining("不予签认时请写明理由");
        lifecycle.complete(challenge, TASK_SIGN_OFF, owner, Map.of(SIGN_OFF_DECISION, REFUSE, SIGN_OFF_OPINION, "纯度未达标"));
        lifecycle.completePanel(challenge, ProjectAssessment.ACCEPTANCE, Map.of(VERDICT, FAIL, ASSESSMENT_COMMENT, "纯度未达99.5%"));

        assertThat(challenge).isEnded().hasPassed(END_FAILED);
        assertThat(teams.team(both.get(0).id()).status()).isEqualTo(ChallengeTeam.FAILED);
        assertThat(teams.team(both.get(0).id()).outcomeReason()).contains("验收不通过").contains("发榜方不予签认");
        assertThat(projects.findById(race.projectId()).orElseThrow().status()).isEqualTo(Project.TERMINATED);
        // the acceptance milestone is never paid: support is 30 % of the 200 + 200万 actually paid
        assertThat(supportPaid(race).stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1200000.00");
        // the enterprise's cap now counts what the support actually reached, not the most it could have
        assertThat(projects.findById(race.projectId()).orElseThrow().fundedAmount()).isEqualByComparingTo("1200000.00");
    }

    @Test
    void aFirstDemandRejectedIsWithdrawnAndAnUpheldDisputeEndsTheTeamsContractWithoutPayment() {
        ProcessInstance rejected = drive.post(owner, 1);
        assertThatThrownBy(() -> lifecycle.complete(rejected, TASK_CHECK, "kjj", Map.of(CHECK_DECISION, REJECT)))
                .hasMessageContaining("驳回时请写明理由");
        lifecycle.complete(rejected, TASK_CHECK, "kjj", Map.of(CHECK_DECISION, REJECT, CHECK_COMMENT, "属于常规产品开发"));
        assertThat(rejected).isEnded().hasPassed(END_REJECTED);
        assertThat(challengeOf(rejected).status()).isEqualTo(Challenge.REJECTED);
        assertThat(challengeOf(rejected).outcomeReason()).isEqualTo("形式审查驳回：属于常规产品开发");
        assertThat(projects.findById(challengeOf(rejected).projectId()).orElseThrow().status()).isEqualTo(Project.WITHDRAWN);

        ProcessInstance challenge = drive.published(owner, 1);
        ProcessInstance application = drive.apply(challenge, "丙团队", 85);
        drive.closeWindow(challenge);
        drive.select(challenge, owner, List.of(drive.applicationId(application)));
        drive.signContracts(challenge, owner, "100\n100\n300");
        Challenge contracted = challengeOf(challenge);
        // meanwhile the 发榜方 received 1000万 under another P1.1 project: nothing is left under its cap
        projects.save(Project.approved("XM-OTHER-" + contracted.id(), "其他项目", "P1.1a", contracted.ownerOrganizationId(), null,
                null, owner, new BigDecimal("10000000.00"), java.time.LocalDateTime.now()));
        drive.passMilestone(owner, lifecycle.tasks(challenge, TASK_REPORT_MILESTONE).get(0), 80, "100");
        assertThat(supportPaid(contracted)).isEmpty();
        Task report = lifecycle.tasks(challenge, TASK_REPORT_MILESTONE).get(0);
        drive.done(report, report.getAssignee(), Map.of(MILESTONE_REPORT, "部分完成"));
        drive.completeIn(report.getProcessInstanceId(), TASK_CONFIRM_MILESTONE, owner, Map.of(CONFIRMATION, DISPUTE, STAGE_SCORE, 30,
                OWNER_OPINION, "收率仅60%"));
        // three long opinions (1900 characters each) do not fit one variable: the findings are cut, the opinions kept whole
        lifecycle.completePanel(challenge, ProjectAssessment.DISPUTE, Map.of(VERDICT, FAIL, ASSESSMENT_COMMENT, "收率未达标。".repeat(316)));

        assertThat(challenge).isEnded().hasPassed(END_FAILED);
        Challenge failed = challengeOf(challenge);
        assertThat(teams.of(failed.id())).singleElement().extracting(ChallengeTeam::status).isEqualTo(ChallengeTeam.FAILED);
        assertThat(supportPaid(failed)).isEmpty();
    }
}
