package cn.rdfund.support;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ExpertReviewProcess;
import cn.rdfund.selection.FundingCallProcess;
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
 * A key-technology project (P1.1a, 自主研发) from call to acceptance over {@code /engine-rest}, every step by the user
 * Tasklist gives it to: kjj drafts the call and kjj2 approves it; the applicant applies; kjj checks the application;
 * the drawn experts declare no conflict and score it; kjj closes the window; after the public notice (the
 * application's {@code rdfund.selection.notice-period}, a second in the benchmarks) the applicant drafts the task
 * agreement, kjj approves it, finance approves the first instalment; kjj starts the mid-term check, the applicant
 * reports, the panel passes it, finance approves the second instalment; the applicant reports at the end, the
 * acceptance panel passes it, finance approves the last instalment. Which experts were drawn (and which called
 * process holds a step) is looked up as the administrator, as a program manager would in Cockpit; everything else
 * is done as its user. One call per project, so that journeys run side by side without touching each other.
 */
public final class ProjectJourney {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The call's technology areas: those of the demo's experts, so that panels of five can be drawn. */
    private static final JsonNode AREAS = JSON.createArrayNode().add("新药筛选").add("化学合成").add("中药组分分析与质量控制")
            .add("新制剂与新释药系统").add("医学影像").add("血管植入介入");

    private final TasklistClient tasklist;
    /** Payments finance approved, which may still be running (the booking is the job executor's). */
    private final Set<String> approved = new HashSet<>();
    private int completions;

    public ProjectJourney(TasklistClient tasklist) {
        this.tasklist = tasklist;
    }

    /** Takes one project through its whole life for this applicant; answers the user tasks completed. */
    public int run(String applicant) {
        completions = 0;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String call = publishedCall(today);
        String application = tasklist.start(applicant, FundingApplicationProcess.KEY);
        submit(applicant, application, FundingApplicationProcess.TASK_FILL, Map.of(
                FundingApplicationProcess.CALL_ID, callId(call), "title", "新型制剂关键技术攻关（" + applicant + "）",
                "requestedWan", "300", "coFundingWan", "", "partnerUsccs", "", "projectSummary", "项目简介",
                "teamDescription", "研发团队", "workPlan", "三年计划", "promisedIndicators", "完成2个新制剂中试"));
        submit("kjj", application, FundingApplicationProcess.TASK_FORMAL_CHECK,
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        String review = calledProcess(application, ExpertReviewProcess.KEY);
        int experts = everyExpert(review, ExpertReviewProcess.TASK_DECLARE, panelSize(review),
                Map.of(ExpertReviewProcess.DECLARATION, ExpertReviewProcess.NO_CONFLICT));
        everyExpert(review, ExpertReviewProcess.TASK_SCORE, experts, Map.of("advancement", 85, "feasibility", 85, "team", 85,
                "budget", 85, "industrialization", 85, ExpertReviewProcess.REVIEW_COMMENT, "技术路线清楚，建议立项"));
        submit("kjj", call, FundingCallProcess.TASK_CLOSE_WINDOW, Map.of());

        JsonNode agreement;
        try {
            agreement = tasklist.awaitTasks(applicant, "taskDefinitionKey=" + TASK_DRAFT_AGREEMENT, 1).get(0);
        } catch (IllegalStateException stuck) {
            throw new IllegalStateException(stuck.getMessage() + "; the call is at " + tasklist.get("admin",
                    "/engine-rest/history/activity-instance?unfinished=true&processInstanceId=" + call)
                    + "; the application at " + tasklist.get("admin",
                    "/engine-rest/history/activity-instance?unfinished=true&rootProcessInstanceId=" + application)
                    + "; jobs: " + tasklist.get("admin", "/engine-rest/job")
                    + "; incidents: " + tasklist.get("admin", "/engine-rest/incident"), stuck);
        }
        String execution = agreement.path("processInstanceId").asText();
        completed(tasklist.submitTyped(applicant, agreement, Map.of(
                MILESTONES, today.plusMonths(6) + " 完成处方筛选\n" + today.plusMonths(18) + " 完成中试与验收",
                MIDTERM_DATE, today.plusMonths(9).toString(), INDICATORS, "完成2个新制剂中试；申请发明专利3项")));
        submit("kjj", execution, TASK_APPROVE_AGREEMENT, Map.of(AGREEMENT_DECISION, APPROVE));
        financeApproves(execution);
        submit("kjj", execution, TASK_START_MIDTERM, Map.of());
        submit(applicant, execution, TASK_REPORT_PROGRESS, Map.of(PROGRESS_REPORT, "按计划完成处方筛选", SPENT_WAN, "100"));
        String midterm = calledProcess(execution, ExpertPanelProcess.KEY);
        everyExpert(midterm, ExpertPanelProcess.TASK_ASSESS, panelSize(midterm),
                Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "进度符合任务书"));
        financeApproves(execution);
        submit(applicant, execution, TASK_FINAL_REPORT, Map.of(FINAL_REPORT_ACTION, SUBMIT, FINAL_REPORT, "全部完成",
                ACHIEVED_INDICATORS, "完成2个中试，申请发明专利4项", AUDIT_REPORT_NO, "辽审字2028第001号",
                SPENT_WAN, "240"));
        String acceptance = calledProcess(execution, ExpertPanelProcess.KEY);
        everyExpert(acceptance, ExpertPanelProcess.TASK_ASSESS, panelSize(acceptance),
                Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "通过验收"));
        financeApproves(execution);
        return completions;
    }

    /** A call of its own, drafted by kjj, approved by kjj2 and published (open for applications). */
    private String publishedCall(LocalDate today) {
        String call = tasklist.start("kjj", FundingCallProcess.KEY);
        submit("kjj", call, FundingCallProcess.TASK_DRAFT, Map.of("title", "关键核心技术攻关指南", "measure", "P1.1a",
                "areas", AREAS, "totalBudgetWan", "1000",
                "projectCapWan", "500", "opensOn", today.toString(), "closesOn", today.plusDays(30).toString()));
        submit("kjj2", call, FundingCallProcess.TASK_APPROVE,
                Map.of(FundingCallProcess.APPROVAL_DECISION, FundingCallProcess.APPROVE));
        return call;
    }

    /** The published call's id (set by the job that publishes it), as the application form's choice sends it. */
    private String callId(String call) {
        return TasklistClient.await(() -> tasklist.get("admin", "/engine-rest/process-instance/" + call + "/variables"),
                variables -> variables.has(FundingCallProcess.CALL_ID), "call " + call + " to be published")
                .path(FundingCallProcess.CALL_ID).path("value").asText();
    }

    /** The running instance of that process the instance called (a review, a panel, a payment). */
    private String calledProcess(String instance, String processKey) {
        return TasklistClient.await(() -> tasklist.get("admin", "/engine-rest/process-instance?superProcessInstance="
                + instance + "&processDefinitionKey=" + processKey), found -> found.size() == 1,
                processKey + " called by " + instance).get(0).path("id").asText();
    }

    /** How many experts the panel drew: each works in a multi-instance element of its own, created one by one. */
    private int panelSize(String instance) {
        return TasklistClient.await(() -> tasklist.get("admin", "/engine-rest/variable-instance?processInstanceIdIn="
                + instance + "&variableName=nrOfInstances"), found -> !found.isEmpty(), "the panel of " + instance)
                .get(0).path("value").asInt();
    }

    /** Each drawn expert completes their own task of that kind in the instance, once all {@code count} are there. */
    private int everyExpert(String instance, String taskKey, int count, Map<String, Object> form) {
        List<JsonNode> tasks;
        try {
            tasks = TasklistClient.await(() -> tasklist.tasks("admin", "processInstanceId=" + instance
                    + "&taskDefinitionKey=" + taskKey), found -> found.size() == count, taskKey + " in " + instance);
        } catch (IllegalStateException stuck) {
            throw new IllegalStateException(stuck.getMessage() + "; the instance: "
                    + tasklist.get("admin", "/engine-rest/history/process-instance/" + instance) + "; its steps: "
                    + tasklist.get("admin", "/engine-rest/history/activity-instance?processInstanceId=" + instance)
                    + "; incidents: " + tasklist.get("admin", "/engine-rest/incident"), stuck);
        }
        for (JsonNode task : tasks) {
            String expert = task.path("assignee").asText();
            completed(tasklist.submitTyped(expert, tasklist.awaitTask(expert, instance, taskKey), form));
        }
        return tasks.size();
    }

    /** Finance approves every instalment the release point reached (each a payment process of its own). */
    private void financeApproves(String execution) {
        List<String> due = new ArrayList<>();
        TasklistClient.await(() -> tasklist.get("admin", "/engine-rest/process-instance?superProcessInstance="
                + execution + "&processDefinitionKey=" + DisbursementProcess.KEY), found -> {
                    due.clear();
                    found.forEach(payment -> due.add(payment.path("id").asText()));
                    due.removeAll(approved);
                    return !due.isEmpty();
                }, "a payment of " + execution);
        for (String payment : due) {
            submit("finance", payment, DisbursementProcess.TASK_APPROVE,
                    Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
            approved.add(payment);
        }
    }

    private void submit(String user, String instance, String taskKey, Map<String, Object> form) {
        completed(tasklist.submitTyped(user, tasklist.awaitTask(user, instance, taskKey), new LinkedHashMap<>(form)));
    }

    private void completed(TasklistClient.Completion completion) {
        completions++;
    }
}
