package cn.rdfund.support;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ExpertReviewProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A 揭榜挂帅 challenge with one team from demand to acceptance over {@code /engine-rest}, every step by the user Tasklist
 * gives it to: the 发榜方 registers the demand, kjj checks it and a panel validates it (论证), kjj publishes it; the team
 * applies (揭榜), kjj checks the application, the drawn experts declare and score it; kjj closes the window; the 发榜方
 * selects the team and drafts the contract (two milestones), the team agrees, kjj countersigns; at the first milestone
 * the team reports, the 发榜方 confirms and declares its payment, finance confirms the voucher and finance2 approves
 * the support it releases; at the end the team submits for acceptance, the 发榜方 signs off, the acceptance panel
 * passes it, and the last payment releases the last support. Which experts were drawn (and where a step waits) is
 * looked up as the administrator, as a program manager would in Cockpit.
 */
public final class ChallengeJourney {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode AREAS = JSON.createArrayNode().add("新药筛选").add("化学合成").add("中药组分分析与质量控制")
            .add("新制剂与新释药系统").add("医学影像").add("血管植入介入");

    private final TasklistClient tasklist;
    private final Set<String> approved = new HashSet<>();
    private int completions;

    public ChallengeJourney(TasklistClient tasklist) {
        this.tasklist = tasklist;
    }

    /** One challenge of this 发榜方 solved by this team; answers the user tasks completed. */
    public int run(String owner, String team) {
        completions = 0;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String challenge = tasklist.start(owner, KEY);
        submit(owner, challenge, TASK_REGISTER, Map.of(TITLE, "高纯度原料药连续合成工艺（" + owner + "）",
                CHALLENGE_TEXT, "现有批次工艺纯度不足，需连续流工艺", INDICATORS, "产品纯度≥99.5%\n收率≥85%", "areas", AREAS,
                SOLVE_BY, today.plusYears(2).toString(), COMMITTED_WAN, "500", PARALLEL_TEAMS, 1));
        submit("kjj", challenge, TASK_CHECK, Map.of(CHECK_DECISION, PASS));
        panel(challenge, Map.of(VERDICT, PASS, ASSESSMENT_COMMENT, "论证通过"));
        submit("kjj", challenge, TASK_PUBLISH, Map.of(CLOSES_ON, today.plusDays(20).toString(),
                INDICATORS, "产品纯度≥99.5%\n收率≥85%", COMMITTED_WAN, "500"));

        tasklist.awaitTask("kjj", challenge, TASK_WINDOW); // published: open for applications
        String application = tasklist.start(team, FundingApplicationProcess.KEY);
        submit(team, application, FundingApplicationProcess.TASK_FILL, Map.of(
                FundingApplicationProcess.CALL_ID, variable(challenge, "callId"), "title", "揭榜方案（" + team + "）",
                "requestedWan", "450", "coFundingWan", "", "partnerUsccs", "", "projectSummary", "连续流工艺",
                "teamDescription", "工艺团队", "workPlan", "两年计划", "promisedIndicators", "纯度99.6%"));
        submit("kjj", application, FundingApplicationProcess.TASK_FORMAL_CHECK,
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        String review = called(application, ExpertReviewProcess.KEY);
        int experts = everyExpert(review, ExpertReviewProcess.TASK_DECLARE, panelSize(review),
                Map.of(ExpertReviewProcess.DECLARATION, ExpertReviewProcess.NO_CONFLICT));
        everyExpert(review, ExpertReviewProcess.TASK_SCORE, experts, Map.of("advancement", 88, "feasibility", 88,
                "team", 88, "budget", 88, "industrialization", 88, ExpertReviewProcess.REVIEW_COMMENT, "方案可行"));
        submit("kjj", challenge, TASK_WINDOW, Map.of(WINDOW_ACTION, CLOSE));
        String applicationId = variable(application, FundingApplicationProcess.APPLICATION_ID);
        submit(owner, challenge, TASK_SELECT, Map.of(SELECTION_ACTION, SELECT,
                SELECTED_APPLICATIONS, JSON.createArrayNode().add(applicationId), OWNER_ASSESSMENT, "方案可行，报价合理"));

        submitInTree(owner, challenge, TASK_DRAFT_CONTRACT, Map.of(CONTRACT_MILESTONES, today.plusMonths(6)
                + " 完成第1阶段\n" + today.plusMonths(12) + " 完成中试与验收", CONTRACT_PAYMENTS, "200\n250",
                CONTRACT_INDICATORS, "产品纯度≥99.5%；收率≥85%"));
        submitInTree(team, challenge, TASK_ACCEPT_CONTRACT, Map.of(CONTRACT_ACCEPTANCE, AGREE));
        submitInTree("kjj", challenge, TASK_COUNTERSIGN, Map.of(COUNTERSIGN_DECISION, APPROVE));

        String milestone = submitInTree(team, challenge, TASK_REPORT_MILESTONE, Map.of(MILESTONE_REPORT, "完成：纯度99.6%"));
        submit(owner, milestone, TASK_CONFIRM_MILESTONE, Map.of(CONFIRMATION, CONFIRM, STAGE_SCORE, 90,
                OWNER_OPINION, "确认"));
        pay(owner, challenge, milestone, "200");

        submitInTree(team, challenge, TASK_SUBMIT_ACCEPTANCE, Map.of(FINAL_REPORT, "完成", ACHIEVED_INDICATORS,
                "纯度99.6%"));
        submitInTree(owner, challenge, TASK_SIGN_OFF, Map.of(SIGN_OFF_DECISION, SIGN));
        String acceptance = TasklistClient.await(() -> inTree(challenge, "admin", ExpertPanelProcess.TASK_ASSESS),
                found -> !found.isEmpty(), "the acceptance panel of " + challenge).get(0)
                .path("processInstanceId").asText();
        everyExpert(acceptance, ExpertPanelProcess.TASK_ASSESS, panelSize(acceptance),
                Map.of(VERDICT, PASS, ASSESSMENT_COMMENT, "达到指标"));
        String last = TasklistClient.await(() -> inTree(challenge, owner, TASK_DECLARE_PAYMENT),
                found -> !found.isEmpty(), "the last payment of " + challenge).get(0).path("processInstanceId").asText();
        pay(owner, challenge, last, "250");
        return completions;
    }

    /** The 发榜方 declares its payment, finance confirms the voucher, finance2 approves the support it releases. */
    private void pay(String owner, String challenge, String milestone, String paidWan) {
        submit(owner, milestone, TASK_DECLARE_PAYMENT, Map.of(PAID_WAN, paidWan, PAYMENT_VOUCHER, "回单" + paidWan));
        submit("finance", milestone, TASK_CONFIRM_PAYMENT, Map.of(PAYMENT_DECISION, CONFIRM));
        List<JsonNode> due = new ArrayList<>();
        TasklistClient.await(() -> inTree(challenge, "finance2", DisbursementProcess.TASK_APPROVE), found -> {
            due.clear();
            found.stream().filter(task -> !approved.contains(task.path("id").asText())).forEach(due::add);
            return !due.isEmpty();
        }, "a support payment of " + challenge);
        for (JsonNode task : due) {
            completed(tasklist.submitTyped("finance2", task,
                    Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE)));
            approved.add(task.path("id").asText());
        }
    }

    /** The challenge's panel (论证) of the experts drawn for it, each giving the same opinion. */
    private void panel(String challenge, Map<String, Object> form) {
        String panel = called(challenge, ExpertPanelProcess.KEY);
        everyExpert(panel, ExpertPanelProcess.TASK_ASSESS, panelSize(panel), form);
    }

    /** The user's open tasks of that kind anywhere in the challenge's processes (its teams', milestones', panels'). */
    private List<JsonNode> inTree(String root, String user, String taskKey) {
        List<String> instances = new ArrayList<>();
        tasklist.get("admin", "/engine-rest/history/process-instance?unfinished=true&rootProcessInstanceId=" + root)
                .forEach(instance -> instances.add(instance.path("id").asText()));
        return tasklist.tasks(user, "processInstanceIdIn=" + String.join(",", instances) + "&taskDefinitionKey="
                + taskKey);
    }

    /** Completes the user's task of that kind in the challenge's processes; answers the instance it was in. */
    private String submitInTree(String user, String root, String taskKey, Map<String, Object> form) {
        JsonNode task = TasklistClient.await(() -> inTree(root, user, taskKey), found -> found.size() == 1,
                user + " to see " + taskKey + " of " + root).get(0);
        completed(tasklist.submitTyped(user, task, new LinkedHashMap<>(form)));
        return task.path("processInstanceId").asText();
    }

    private String variable(String instance, String name) {
        return TasklistClient.await(() -> tasklist.get("admin", "/engine-rest/process-instance/" + instance
                + "/variables"), variables -> variables.has(name), name + " of " + instance).path(name)
                .path("value").asText();
    }

    private String called(String instance, String processKey) {
        return TasklistClient.await(() -> tasklist.get("admin", "/engine-rest/process-instance?superProcessInstance="
                + instance + "&processDefinitionKey=" + processKey), found -> found.size() == 1,
                processKey + " called by " + instance).get(0).path("id").asText();
    }

    private int panelSize(String instance) {
        return TasklistClient.await(() -> tasklist.get("admin", "/engine-rest/variable-instance?processInstanceIdIn="
                + instance + "&variableName=nrOfInstances"), found -> !found.isEmpty(), "the panel of " + instance)
                .get(0).path("value").asInt();
    }

    private int everyExpert(String instance, String taskKey, int count, Map<String, Object> form) {
        List<JsonNode> tasks = TasklistClient.await(() -> tasklist.tasks("admin", "processInstanceId=" + instance
                + "&taskDefinitionKey=" + taskKey), found -> found.size() == count, taskKey + " in " + instance);
        for (JsonNode task : tasks) {
            String expert = task.path("assignee").asText();
            completed(tasklist.submitTyped(expert, tasklist.awaitTask(expert, instance, taskKey), form));
        }
        return tasks.size();
    }

    private void submit(String user, String instance, String taskKey, Map<String, Object> form) {
        completed(tasklist.submitTyped(user, tasklist.awaitTask(user, instance, taskKey), new LinkedHashMap<>(form)));
    }

    private void completed(TasklistClient.Completion completion) {
        completions++;
    }
}
