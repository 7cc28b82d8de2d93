package cn.rdfund.selection;

import static cn.rdfund.selection.FundingCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.application.Application;
import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call after its window: waiting for the reviews, ranking within the budget, the public notice with
 * objections upheld and rejected, a call without a fundable application, and the projects it starts.
 */
@RdfundIntegrationTest
class SelectionProcessTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProcessDriver driver;

    @Autowired
    SelectionService selection;

    @Autowired
    FundingCallRepository calls;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ProjectRepository projects;

    private ProcessInstance call;

    @BeforeEach
    void publishACall() {
        AbstractAssertions.init(processEngine);
        call = lifecycle.publishCall("600");
    }

    private long callId() {
        return calls.findByProcessInstanceId(call.getId()).orElseThrow().id();
    }

    private Application application(ProcessInstance instance) {
        return applications.findByProcessInstanceId(instance.getId()).orElseThrow();
    }

    @Test
    void ranksWithinTheBudgetHoldsTheNoticeAndStartsTheProjects() {
        String code = calls.findByProcessInstanceId(call.getId()).orElseThrow().code();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId())
                .as("the call found by its code in Cockpit and the REST API").isEqualTo(call.getId());
        ProcessInstance first = lifecycle.applyAndReview(call, lifecycle.newApplicant("遴选甲"), "高分项目", "300", 90);
        ProcessInstance second = lifecycle.applyAndReview(call, lifecycle.newApplicant("遴选乙"), "中分项目", "400", 80);
        ProcessInstance third = lifecycle.applyAndReview(call, lifecycle.newApplicant("遴选丙"), "小额项目", "200", 75);
        assertThat(runtimeService.getVariable(call.getId(), "applicationsReceived"))
                .as("what 截止申报 shows the program manager").isEqualTo(3L);

        // 中分项目's panel as if only four experts had been eligible (four valid reviews of the five the table asks for)
        jdbc.sql("UPDATE review_result SET valid_reviews = 4 WHERE application_id = ?").param(application(second).id())
                .update();
        lifecycle.closeWindow(call);

        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE).task().hasCandidateGroup("pm-kjj");
        assertThat((String) runtimeService.getVariable(call.getId(), REVIEW_SHORTFALLS))
                .as("what 公示 tells the 处室 and the notice does not")
                .startsWith("《中分项目》（遴选乙").endsWith("）：有效评审意见4份，少于规定的5份").doesNotContain("高分项目");
        assertThat((String) runtimeService.getVariable(call.getId(), SELECTION_NOTICE)).doesNotContain("有效评审");
        List<SelectionService.Ranking> ranking = selection.ranking(callId(), 1);
        assertThat(ranking).extracting(SelectionService.Ranking::outcome)
                .containsExactly("SELECTED", "OVER_BUDGET", "SELECTED");
        assertThat((String) runtimeService.getVariable(call.getId(), SELECTION_NOTICE))
                .containsPattern("1\\. SB\\d{4}-\\d{6} 遴选甲")
                .contains("《高分项目》 90.00分 — 拟立项，资助300.00万元", "未入选：指南剩余预算300.00万元，不足申请金额400.00万元");

        lifecycle.endNotice(call);

        BpmnAwareTests.assertThat(call).isEnded().hasPassed(END_PROJECTS_APPROVED);
        assertThat(calls.findById(callId()).orElseThrow().status()).isEqualTo("DECIDED");
        Project project = projects.findByApplicationId(application(first).id()).orElseThrow();
        assertThat(project.approvedAmount()).isEqualTo(new BigDecimal("3000000.00"));
        assertThat(project.status()).isEqualTo(Project.APPROVED);
        assertThat(projects.findByApplicationId(application(second).id())).isEmpty();
        assertThat(projects.findByApplicationId(application(third).id())).isPresent();
        ProcessInstance execution = lifecycle.projectOf(project.code());
        BpmnAwareTests.assertThat(execution).isWaitingAt(ProjectExecutionProcess.TASK_DRAFT_AGREEMENT).task()
                .isAssignedTo(project.applicantUserId());
        assertThat(project.processInstanceId()).isEqualTo(execution.getId());
        assertThat(runtimeService.getVariable(execution.getId(), ProjectExecutionProcess.INDICATORS)).isEqualTo("指标");
    }

    @Test
    void endsACallWithoutFundableApplications() {
        ProcessInstance weak = lifecycle.applyAndReview(call, lifecycle.newApplicant("低分"), "低分项目", "300", 50);

        lifecycle.closeWindow(call);

        BpmnAwareTests.assertThat(call).isEnded().hasPassed(END_NO_FUNDABLE).hasNotPassed(TASK_PUBLIC_NOTICE);
        assertThat(calls.findById(callId()).orElseThrow().status()).isEqualTo("NO_FUNDABLE");
        assertThat(selection.ranking(callId(), 1)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("BELOW_PASS_SCORE");
            assertThat(row.reason()).isEqualTo("得分50.00分，低于及格分70分");
        });
        assertThat(projects.findByApplicationId(application(weak).id())).isEmpty();
    }

    @Test
    void waitsForApplicationsStillInReviewAndRanksWhenTheLastOneEnds() {
        String applicant = lifecycle.newApplicant("待审");
        ProcessInstance late = driver.start(FundingApplicationProcess.KEY, applicant);
        lifecycle.complete(late, FundingApplicationProcess.TASK_FILL, applicant, Map.of(
                FundingApplicationProcess.CALL_ID, String.valueOf(callId()), "title", "待审项目", "requestedWan", "300",
                "coFundingWan", "", "partnerUsccs", "", "projectSummary", "项目简介", "teamDescription", "团队", "workPlan", "计划", "promisedIndicators", "指标"));

        lifecycle.closeWindow(call);
        BpmnAwareTests.assertThat(call).isWaitingAt(AWAIT_REVIEWS);
        assertThat(runtimeService.getVariable(call.getId(), PENDING_APPLICATIONS)).isEqualTo(1L);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(call.getId()).count())
                .as("the call waits for the message alone, no timer polls").isZero();

        lifecycle.complete(late, FundingApplicationProcess.TASK_FORMAL_CHECK, "kjj",
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        lifecycle.completeAll(late, "Task_DeclareConflict", Map.of("conflictDeclaration", "NONE"));
        lifecycle.completeAll(late, "Task_ScoreApplication", Map.of("advancement", 85, "feasibility", 85, "team", 85,
                "budget", 85, "industrialization", 85, "reviewComment", "同意"));
        assertThat(application(late).status()).isEqualTo("REVIEWED");

        BpmnAwareTests.assertThat(call).hasPassed(APPLICATION_SETTLED);
        lifecycle.runJobs(call);
        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE);
    }

    @Test
    void anUpheldObjectionTakesTheProjectOffTheListAndStartsANewNotice() {
        ProcessInstance contested = lifecycle.applyAndReview(call, lifecycle.newApplicant("被异议"), "被异议项目", "300", 90);
        ProcessInstance other = lifecycle.applyAndReview(call, lifecycle.newApplicant("未异议"), "未异议项目", "300", 80);
        lifecycle.closeWindow(call);

        assertThatThrownBy(() -> driver.complete(call, TASK_PUBLIC_NOTICE, "kjj2",
                Map.of(OBJECTION_APPLICATION_ID, "999999", OBJECTION, "")))
                .hasMessageContaining("请选择异议针对的拟立项项目", "请填写异议内容");
        driver.complete(call, TASK_PUBLIC_NOTICE, "kjj2", Map.of(OBJECTION_APPLICATION_ID,
                String.valueOf(application(contested).id()), OBJECTION, "实名举报：核心团队成员同时承担另一市级项目，工作量重复"));
        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_HANDLE_OBJECTION);
        assertThatThrownBy(() -> driver.complete(call, TASK_HANDLE_OBJECTION, "kjj", Map.of(OBJECTION_DECISION, UPHELD)))
                .hasMessageContaining("请填写核查情况和处理理由");
        driver.complete(call, TASK_HANDLE_OBJECTION, "kjj", Map.of(OBJECTION_DECISION, UPHELD,
                OBJECTION_REASON, "经核查，团队重复申报属实"));
        lifecycle.runJobs(call);

        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE);
        assertThat(runtimeService.getVariable(call.getId(), NOTICE_ROUND)).isEqualTo(2);
        assertThat(selection.ranking(callId(), 2)).extracting(SelectionService.Ranking::outcome)
                .containsExactly("EXCLUDED", "SELECTED");
        assertThat(selection.ranking(callId(), 2).get(0).reason()).isEqualTo("异议成立：经核查，团队重复申报属实");

        lifecycle.endNotice(call);
        assertThat(projects.findByApplicationId(application(contested).id())).isEmpty();
        assertThat(projects.findByApplicationId(application(other).id())).isPresent();
    }

    @Test
    void aRejectedObjectionKeepsTheListAndTheNoticePeriod() {
        ProcessInstance contested = lifecycle.applyAndReview(call, lifecycle.newApplicant("异议不成立"), "异议不成立项目", "300", 90);
        lifecycle.closeWindow(call);
        String noticeEnds = (String) runtimeService.getVariable(call.getId(), NOTICE_ENDS_AT);

        driver.complete(call, TASK_PUBLIC_NOTICE, "kjj2", Map.of(OBJECTION_APPLICATION_ID,
                String.valueOf(application(contested).id()), OBJECTION, "匿名来信：经费预算偏高"));
        driver.complete(call, TASK_HANDLE_OBJECTION, "kjj", Map.of(OBJECTION_DECISION, REJECTED,
                OBJECTION_REASON, "预算经专家评审认定合理，异议不成立"));

        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_PUBLIC_NOTICE);
        assertThat(runtimeService.getVariable(call.getId(), NOTICE_ROUND)).isEqualTo(1);
        assertThat(runtimeService.getVariable(call.getId(), NOTICE_ENDS_AT)).isEqualTo(noticeEnds);
        lifecycle.endNotice(call);
        assertThat(projects.findByApplicationId(application(contested).id())).isPresent();
    }
}
