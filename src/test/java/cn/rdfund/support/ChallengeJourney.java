package cn.rdfund.support;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.review.ExpertPanelProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
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

    /** Support payments finance2 approved, which may still be running (the booking is the job executor's). */
    private final Set<String> approved = new HashSet<>();
    private final JourneySteps steps;

    public ChallengeJourney(TasklistClient tasklist) {
        this.steps = new JourneySteps(Nodes.one(tasklist));
    }

    /** One challenge of this 发榜方 solved by this team; answers the user tasks completed. */
    public int run(String owner, String team) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String challenge = steps.start(owner, KEY);
        steps.submit(owner, challenge, TASK_REGISTER, Map.of(TITLE, "高纯度原料药连续合成工艺（" + owner + "）",
                CHALLENGE_TEXT, "现有批次工艺纯度不足，需连续流工艺", INDICATORS, "产品纯度≥99.5%\n收率≥85%",
                AREAS, JourneySteps.AREAS, SOLVE_BY, today.plusYears(2).toString(), COMMITTED_WAN, "500",
                PARALLEL_TEAMS, 1));
        steps.submit("kjj", challenge, TASK_CHECK, Map.of(CHECK_DECISION, PASS));
        steps.everyExpert(steps.called(challenge, ExpertPanelProcess.KEY), ExpertPanelProcess.TASK_ASSESS,
                Map.of(VERDICT, PASS, ASSESSMENT_COMMENT, "论证通过"));
        steps.submit("kjj", challenge, TASK_PUBLISH, Map.of(CLOSES_ON, today.plusDays(20).toString(),
                INDICATORS, "产品纯度≥99.5%\n收率≥85%", COMMITTED_WAN, "500"));

        steps.awaitTask("kjj", challenge, TASK_WINDOW); // published: open for applications
        String application = steps.appliedAndReviewed(team,
                steps.variable(challenge, FundingApplicationProcess.CALL_ID), "揭榜方案（" + team + "）", "450", 88);
        steps.submit("kjj", challenge, TASK_WINDOW, Map.of(WINDOW_ACTION, CLOSE));
        String applicationId = steps.variable(application, FundingApplicationProcess.APPLICATION_ID);
        steps.submit(owner, challenge, TASK_SELECT, Map.of(SELECTION_ACTION, SELECT, SELECTED_APPLICATIONS,
                JourneySteps.JSON.createArrayNode().add(applicationId), OWNER_ASSESSMENT, "方案可行，报价合理"));

        inTree(owner, challenge, TASK_DRAFT_CONTRACT, Map.of(CONTRACT_MILESTONES, today.plusMonths(6)
                + " 完成第1阶段\n" + today.plusMonths(12) + " 完成中试与验收", CONTRACT_PAYMENTS, "200\n250",
                CONTRACT_INDICATORS, "产品纯度≥99.5%；收率≥85%"));
        inTree(team, challenge, TASK_ACCEPT_CONTRACT, Map.of(CONTRACT_ACCEPTANCE, AGREE));
        inTree("kjj", challenge, TASK_COUNTERSIGN, Map.of(COUNTERSIGN_DECISION, APPROVE));

        String milestone = inTree(team, challenge, TASK_REPORT_MILESTONE, Map.of(MILESTONE_REPORT, "完成：纯度99.6%"));
        steps.submit(owner, milestone, TASK_CONFIRM_MILESTONE, Map.of(CONFIRMATION, CONFIRM, STAGE_SCORE, 90,
                OWNER_OPINION, "确认"));
        pay(owner, challenge, milestone, "200");

        inTree(team, challenge, TASK_SUBMIT_ACCEPTANCE, Map.of(FINAL_REPORT, "完成", ACHIEVED_INDICATORS, "纯度99.6%"));
        inTree(owner, challenge, TASK_SIGN_OFF, Map.of(SIGN_OFF_DECISION, SIGN));
        String acceptance = TasklistClient.await(() -> tasksInTree("admin", challenge, ExpertPanelProcess.TASK_ASSESS),
                found -> !found.isEmpty(), "the acceptance panel of " + challenge).get(0)
                .path("processInstanceId").asText();
        steps.everyExpert(acceptance, ExpertPanelProcess.TASK_ASSESS, Map.of(VERDICT, PASS, ASSESSMENT_COMMENT, "达到指标"));
        String last = TasklistClient.await(() -> tasksInTree(owner, challenge, TASK_DECLARE_PAYMENT),
                found -> !found.isEmpty(), "the last payment of " + challenge).get(0).path("processInstanceId").asText();
        pay(owner, challenge, last, "250");
        return steps.completions();
    }

    /** The 发榜方 declares its payment, finance confirms the voucher, finance2 approves the support it releases. */
    private void pay(String owner, String challenge, String milestone, String paidWan) {
        steps.submit(owner, milestone, TASK_DECLARE_PAYMENT, Map.of(PAID_WAN, paidWan, PAYMENT_VOUCHER, "回单" + paidWan));
        steps.submit("finance", milestone, TASK_CONFIRM_PAYMENT, Map.of(PAYMENT_DECISION, CONFIRM));
        List<JsonNode> due = new ArrayList<>();
        TasklistClient.await(() -> tasksInTree("finance2", challenge, DisbursementProcess.TASK_APPROVE), found -> {
            due.clear();
            found.stream().filter(task -> !approved.contains(task.path("id").asText())).forEach(due::add);
            return !due.isEmpty();
        }, "a support payment of " + challenge);
        for (JsonNode task : due) {
            steps.submit("finance2", task, Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
            approved.add(task.path("id").asText());
        }
    }

    /** The user's open tasks of that kind anywhere in the challenge's processes (its teams', milestones', panels'). */
    private List<JsonNode> tasksInTree(String user, String root, String taskKey) {
        List<String> instances = new ArrayList<>();
        steps.get("admin", "/engine-rest/history/process-instance?unfinished=true&rootProcessInstanceId="
                + root).forEach(instance -> instances.add(instance.path("id").asText()));
        return steps.tasks(user, "processInstanceIdIn=" + String.join(",", instances)
                + "&taskDefinitionKey=" + taskKey);
    }

    /** Completes the user's one task of that kind in the challenge's processes; answers the instance it was in. */
    private String inTree(String user, String root, String taskKey, Map<String, Object> form) {
        JsonNode task = TasklistClient.await(() -> tasksInTree(user, root, taskKey), found -> found.size() == 1,
                user + " to see " + taskKey + " of " + root).get(0);
        steps.submit(user, task, form);
        return task.path("processInstanceId").asText();
    }
}
