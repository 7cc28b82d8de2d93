package cn.rdfund.support;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.review.ProjectAssessment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Takes 揭榜挂帅 challenges through Challenge.bpmn and ChallengeMilestone.bpmn as the demo users would in
 * Tasklist: the 发榜方 ({@code owner}), the teams through the ordinary application process, kjj, the experts and
 * finance; every job run as the job executor would.
 */
@Component
public class ChallengeDriver {

    public static final String AREAS_JSON = "[\"新药筛选\", \"化学合成\", \"中药组分分析与质量控制\", \"新制剂与新释药系统\", \"医学影像\", \"血管植入介入\"]";

    private final LifecycleDriver lifecycle;
    private final ProcessDriver driver;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;

    ChallengeDriver(LifecycleDriver lifecycle, ProcessDriver driver, RuntimeService runtimeService, TaskService taskService,
            HistoryService historyService) {
        this.lifecycle = lifecycle;
        this.driver = driver;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    public ProcessInstance start(String owner) {
        return driver.start(KEY, owner);
    }

    /** 需求登记: 500万 per team, {@code parallelTeams} teams (more than one: 赛马制). */
    public ProcessInstance post(String owner, int parallelTeams) {
        ProcessInstance challenge = start(owner);
        lifecycle.complete(challenge, TASK_REGISTER, owner, Variables.createVariables()
                .putValue(TITLE, "高纯度原料药连续合成工艺").putValue(CHALLENGE_TEXT, "现有批次工艺纯度不足，需连续流工艺")
                .putValue(INDICATORS, "产品纯度≥99.5%\n收率≥85%").putValue(AREAS, Spin.JSON(AREAS_JSON))
                .putValue(SOLVE_BY, LifecycleDriver.TODAY.plusYears(2).toString()).putValue(COMMITTED_WAN, "500")
                .putValue(PARALLEL_TEAMS, parallelTeams));
        return challenge;
    }

    public void validate(ProcessInstance challenge, String verdict) {
        lifecycle.complete(challenge, TASK_CHECK, "kjj", Map.of(CHECK_DECISION, PASS));
        lifecycle.completePanel(challenge, ProjectAssessment.VALIDATION, Map.of(VERDICT, verdict, ASSESSMENT_COMMENT, "论证：" + verdict));
    }

    public void publish(ProcessInstance challenge) {
        lifecycle.complete(challenge, TASK_PUBLISH, "kjj", Map.of(CLOSES_ON, LifecycleDriver.TODAY.plusDays(20).toString(),
                INDICATORS, "产品纯度≥99.5%\n收率≥85%", COMMITTED_WAN, "500"));
    }

    public ProcessInstance published(String owner, int parallelTeams) {
        ProcessInstance challenge = post(owner, parallelTeams);
        validate(challenge, PASS);
        publish(challenge);
        return challenge;
    }

    /** A team applies (揭榜) with a quote of 450万 and is reviewed by experts who all give {@code score}. */
    public ProcessInstance apply(ProcessInstance challenge, String team, int score) {
        return lifecycle.applyAndReview(challenge, lifecycle.newApplicant(team), team + "揭榜方案", "450", score);
    }

    /** The program manager closes the window early (the 发榜方 may not). */
    public void closeWindow(ProcessInstance challenge) {
        lifecycle.complete(challenge, TASK_WINDOW, "kjj", Map.of(WINDOW_ACTION, CLOSE));
    }

    public String applicationId(ProcessInstance application) {
        return String.valueOf(historyService.createHistoricVariableInstanceQuery().processInstanceId(application.getId())
                .variableName("applicationId").singleResult().getValue());
    }

    public void select(ProcessInstance challenge, String owner, List<String> applicationIds) {
        lifecycle.complete(challenge, TASK_SELECT, owner, Map.of(SELECTION_ACTION, SELECT,
                SELECTED_APPLICATIONS, Spin.JSON(applicationIds), OWNER_ASSESSMENT, "方案可行，报价合理"));
    }

    /** {@code count} milestones six months apart, the last one acceptance. */
    public static String milestones(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append(LifecycleDriver.TODAY.plusMonths(6L * i)).append(i == count ? " 完成中试与验收" : " 完成第" + i + "阶段")
                    .append("\n");
        }
        return lines.toString();
    }

    /** The 发榜方 drafts each team's contract with these payments (万元, one line per milestone), the team agrees, kjj countersigns. */
    public void signContracts(ProcessInstance challenge, String owner, String payments) {
        int count = (int) payments.lines().count();
        for (Task task : lifecycle.tasks(challenge, TASK_DRAFT_CONTRACT)) {
            done(task, owner, Map.of(CONTRACT_MILESTONES, milestones(count), CONTRACT_PAYMENTS, payments,
                    CONTRACT_INDICATORS, "产品纯度≥99.5%；收率≥85%"));
        }
        for (Task task : lifecycle.tasks(challenge, TASK_ACCEPT_CONTRACT)) {
            done(task, task.getAssignee(), Map.of(CONTRACT_ACCEPTANCE, AGREE));
        }
        for (Task task : lifecycle.tasks(challenge, TASK_COUNTERSIGN)) {
            done(task, "kjj", Map.of(COUNTERSIGN_DECISION, APPROVE));
        }
    }

    /** The team reports, the 发榜方 confirms with a stage score and pays, finance confirms, finance2 approves the support. */
    public void passMilestone(String owner, Task report, int score, String paidWan) {
        String milestoneInstance = report.getProcessInstanceId();
        done(report, report.getAssignee(), Map.of(MILESTONE_REPORT, "完成：纯度99.6%"));
        completeIn(milestoneInstance, TASK_CONFIRM_MILESTONE, owner, Map.of(CONFIRMATION, CONFIRM, STAGE_SCORE, score,
                OWNER_OPINION, "确认"));
        pay(owner, milestoneInstance, paidWan);
    }

    /** The 发榜方 registers its payment, finance confirms the voucher and finance2 approves the support it releases. */
    public void pay(String owner, String milestoneInstance, String paidWan) {
        ProcessInstance root = rootOf(milestoneInstance);
        completeIn(milestoneInstance, TASK_DECLARE_PAYMENT, owner, Map.of(PAID_WAN, paidWan, PAYMENT_VOUCHER, "回单" + paidWan));
        completeIn(milestoneInstance, TASK_CONFIRM_PAYMENT, "finance", Map.of(PAYMENT_DECISION, CONFIRM));
        for (Task task : lifecycle.tasks(root, DisbursementProcess.TASK_APPROVE)) {
            done(task, "finance2", Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
        }
    }

    public void completeIn(String processInstanceId, String taskKey, String user, Map<String, ?> variables) {
        done(taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult(),
                user, variables);
    }

    /** Completes the task as the user, then runs the jobs of the whole challenge. */
    public void done(Task task, String user, Map<String, ?> variables) {
        ProcessInstance root = rootOf(task.getProcessInstanceId());
        driver.complete(task, user, new HashMap<>(variables));
        lifecycle.runJobs(root);
    }

    public ProcessInstance rootOf(String processInstanceId) {
        String rootId = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getRootProcessInstanceId();
        return runtimeService.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
    }

    public ProcessInstance instance(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }
}
