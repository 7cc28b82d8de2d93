package cn.rdfund.review;

import static cn.rdfund.review.ExpertReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.call.CallDraft;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.expert.Expert;
import cn.rdfund.expert.ExpertRepository;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every path of bpmn/review/ExpertReview.bpmn, reached as in production: a published call, an
 * application of 沈阳浑南创新药业 (applicant) through the formal check, then the review it calls.
 * The demo pool holds five eligible experts for these areas (expert1 declared 浑南 as collaborator);
 * the test adds a sixth so that one replacement can be drawn.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // adds an expert to the pool every review draws from and counts who is drawn
class ExpertReviewProcessTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessDriver driver;

    @Autowired
    FundingCallService callService;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ExpertRepository experts;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    ReviewRepository reviews;

    @Autowired
    ReviewResultRepository results;

    private ProcessInstance application;
    private ProcessInstance review;

    @BeforeEach
    void takeAnApplicationToReview() {
        AbstractAssertions.init(processEngine);
        ensureSixthExpert();
        FundingCall call = callService.publish(new CallDraft("评审测试指南", "P1.1a",
                List.of("新药筛选", "化学合成", "中药组分分析与质量控制", "新制剂与新释药系统", "医学影像", "血管植入介入"),
                new BigDecimal("20000000.00"), new BigDecimal("5000000.00"), TODAY, TODAY.plusDays(30)),
                UUID.randomUUID() + "-test", "kjj");
        application = driver.start(FundingApplicationProcess.KEY, "applicant");
        driver.complete(application, FundingApplicationProcess.TASK_FILL, "applicant", Map.of(
                FundingApplicationProcess.CALL_ID, String.valueOf(call.id()), "title", "评审测试项目",
                "requestedWan", "300", "coFundingWan", "", "partnerUsccs", "", "projectSummary", "项目简介", "teamDescription", "团队", "workPlan", "计划", "promisedIndicators", "指标"));
        runJobs(application);
        driver.complete(application, FundingApplicationProcess.TASK_FORMAL_CHECK, "kjj",
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        runJobs(application);
        review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(application.getId()).singleResult();
        runJobs(review);
    }

    private void ensureSixthExpert() {
        if (experts.findByUserId("expert7").isPresent()) {
            return;
        }
        User user = identityService.newUser("expert7");
        user.setFirstName("钱影像");
        user.setPassword("expert7");
        identityService.saveUser(user);
        identityService.createMembership("expert7", "experts");
        long hospital = organizations.findAll().stream().filter(o -> o.name().startsWith("沈阳示范第一医院")).findFirst()
                .orElseThrow().id();
        experts.save(new Expert(null, "expert7", "钱影像", hospital, "主任医师", true,
                Set.of(new Expert.ExpertField("医学影像")), Set.of()));
    }

    /** Executes every job that is due, until none is left (the review's parts run as jobs). */
    private void runJobs(ProcessInstance instance) {
        List<Job> due;
        while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<Task> openTasks(String taskKey) {
        return taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(taskKey).list();
    }

    private void declare(Task task, String declaration, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECLARATION, declaration);
        variables.put(CONFLICT_REASON, reason);
        complete(task, variables);
    }

    private void score(Task task, int points) {
        complete(task, Map.of("advancement", points, "feasibility", points, "team", points, "budget", points,
                "industrialization", points, REVIEW_COMMENT, "意见" + points));
    }

    private void complete(Task task, Map<String, Object> variables) {
        identityService.setAuthentication(task.getAssignee(), List.of("experts"));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        runJobs(review);
    }

    private void everyoneAcceptsAndScores(int... points) {
        openTasks(TASK_DECLARE).forEach(task -> declare(task, NO_CONFLICT, null));
        List<Task> scoring = openTasks(TASK_SCORE);
        for (int i = 0; i < scoring.size(); i++) {
            score(scoring.get(i), points[i % points.length]);
        }
    }

    private ReviewResult result() {
        return results.findById(applications.findByProcessInstanceId(application.getId()).orElseThrow().id()).orElseThrow();
    }

    @Test
    void drawsFiveExpertsWithoutConflictsAndAggregatesTheirBlindScores() {
        List<Task> declarations = openTasks(TASK_DECLARE);
        assertThat(declarations).hasSize(5).extracting(Task::getAssignee).doesNotContain("expert1");

        everyoneAcceptsAndScores(70, 75, 80, 85, 90);

        BpmnAwareTests.assertThat(review).isEnded().hasPassed(END_REVIEWED).hasNotPassed(TASK_CONSENSUS);
        assertThat(result().score()).isEqualTo(new BigDecimal("80.00"));
        assertThat(result().trimmed()).isTrue();
        runJobs(application);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(application.getId()).count()).isZero();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(application.getId()).variableName(REVIEW_SCORE).singleResult().getValue())
                .isEqualTo("80.00分");
    }

    @Test
    void keepsEachExpertsScoresInTheirOwnScope() {
        openTasks(TASK_DECLARE).forEach(task -> declare(task, NO_CONFLICT, null));
        List<Task> scoring = openTasks(TASK_SCORE);
        score(scoring.get(0), 95);

        assertThat(runtimeService.getVariable(review.getId(), "advancement")).isNull();
        assertThat(taskService.getVariable(scoring.get(1).getId(), "advancement")).isNull();
        // What the application says about its team stays readable next to the expert's own 团队能力 score.
        assertThat(taskService.getVariable(scoring.get(1).getId(), "teamDescription")).isEqualTo("团队");
    }

    @Test
    void replacesAnExpertWhoDeclaresAConflict() {
        Task first = openTasks(TASK_DECLARE).get(0);
        declare(first, CONFLICT, "与申报单位负责人为同一课题组成员");

        List<Task> declarations = openTasks(TASK_DECLARE);
        assertThat(declarations).hasSize(5).extracting(Task::getAssignee).doesNotContain(first.getAssignee());
        assertThat(reviews.findByProcessInstanceIdOrderById(review.getId())).filteredOn(r -> r.expertUserId().equals(first.getAssignee()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(Review.DECLINED);
                    assertThat(r.conflictReason()).contains("同一课题组");
                });

        everyoneAcceptsAndScores(80);
        BpmnAwareTests.assertThat(review).isEnded().hasPassed(REPLACE, END_REVIEWED);
        assertThat(result().validReviews()).isEqualTo(5);
    }

    @Test
    void replacesAnExpertWhoMissesTheDeclarationDeadline() {
        List<Job> deadlines = managementService.createJobQuery().processInstanceId(review.getId()).timers()
                .activityId(DECLARATION_OVERDUE).list();
        assertThat(deadlines).hasSize(5);

        managementService.executeJob(deadlines.get(0).getId());
        runJobs(review);

        assertThat(reviews.findByProcessInstanceIdOrderById(review.getId())).extracting(Review::status)
                .containsOnlyOnce(Review.OVERDUE);
        assertThat(openTasks(TASK_DECLARE)).hasSize(5);
    }

    @Test
    void goesOnWithFewerExpertsWhenNoReplacementIsLeft() {
        List<Task> declarations = openTasks(TASK_DECLARE);
        declare(declarations.get(0), CONFLICT, "合作关系");
        declare(openTasks(TASK_DECLARE).get(0), CONFLICT, "同单位");

        everyoneAcceptsAndScores(80, 82);

        BpmnAwareTests.assertThat(review).isEnded().hasPassed(NO_REPLACEMENT, END_REVIEWED);
        assertThat(result().validReviews()).isEqualTo(4);
        assertThat(result().trimmed()).isFalse();
    }

    @Test
    void sendsDivergingScoresToAConsensusDecidedByTheManager() {
        everyoneAcceptsAndScores(50, 95);

        BpmnAwareTests.assertThat(review).isWaitingAt(TASK_CONSENSUS).task().hasCandidateGroup("pm-kjj");
        assertThat((String) runtimeService.getVariable(review.getId(), REVIEW_SUMMARY))
                .contains("50.00分（意见50）", "95.00分（意见95）").doesNotContain("expert");
        assertThatThrownBy(() -> driver.complete(review, TASK_CONSENSUS, "kjj", Map.of(CONSENSUS_SCORE, 101)))
                .hasMessageContaining("合议得分应为0到100之间的整数", "请说明合议情况");

        assertThatThrownBy(() -> driver.complete(review, TASK_CONSENSUS, "kjj", Map.of(CONSENSUS_SCORE, 78,
                CONSENSUS_REASON, "合议", CONSENSUS_BY, "someone-else")))
                .hasMessageContaining("修改表单以外的数据: [consensusBy]");
        driver.complete(review, TASK_CONSENSUS, "kjj", Map.of(CONSENSUS_SCORE, 78, CONSENSUS_REASON, "合议后认为产业化前景较好"));
        runJobs(review);

        BpmnAwareTests.assertThat(review).isEnded().hasPassed(TASK_CONSENSUS, END_REVIEWED);
        assertThat(result().consensusScore()).isEqualTo(new BigDecimal("78.00"));
        assertThat(result().consensusBy()).isEqualTo("kjj");
        assertThat(result().finalScore()).isEqualTo(new BigDecimal("78.00"));
    }

    @Test
    void everyExpertTaskNamesTheApplicationTheProjectAndTheApplicant() {
        String code = runtimeService.createProcessInstanceQuery().processInstanceId(application.getId()).singleResult()
                .getBusinessKey();
        assertThat(code).startsWith("SB");
        assertThat(openTasks(TASK_DECLARE)).isNotEmpty().allSatisfy(task -> assertThat(task.getName()).isEqualTo(
                "回避声明 · " + code + " 评审测试项目（" + runtimeService.getVariable(application.getId(), "applicantName") + "）"));
    }

    @Test
    void refusesScoresOutOfRangeOrMissingOrNotWhole() {
        openTasks(TASK_DECLARE).forEach(task -> declare(task, NO_CONFLICT, null));
        Task scoring = openTasks(TASK_SCORE).get(0);

        assertThatThrownBy(() -> complete(scoring, Map.of("advancement", 101, "feasibility", 80)))
                .hasMessageContaining("「技术先进性」的分数应在0到100之间，实际为101", "请为「团队能力」打分");
        assertThatThrownBy(() -> complete(scoring, Map.of()))
                .hasMessageContaining("请为「技术先进性」打分");
        // what the score form sends for 85.5 typed into a number field (it used to drop the point: 855)
        assertThatThrownBy(() -> complete(scoring, Map.of("advancement", 85.5, "feasibility", 80, "team", 70,
                "budget", 60, "industrialization", 90)))
                .hasMessageContaining("「技术先进性」应为0到100之间的整数，填写的是85.5");
        assertThat(taskService.createTaskQuery().taskId(scoring.getId()).count()).as("the task stays open").isOne();
    }

    @Test
    void refusesAConflictWithoutItsReason() {
        Task declaration = openTasks(TASK_DECLARE).get(0);

        assertThatThrownBy(() -> declare(declaration, CONFLICT, " "))
                .hasMessageContaining("申请回避时请说明利益冲突的情况");
    }
}
