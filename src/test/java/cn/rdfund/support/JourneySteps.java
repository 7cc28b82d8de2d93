package cn.rdfund.support;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.review.ExpertReviewProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.rdfund.support.TasklistClient.Completion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps every journey over {@code /engine-rest} takes ({@link ProjectJourney}, {@link ChallengeJourney}): a task
 * completed by its user once it is there, the drawn experts each completing theirs, and what the administrator looks
 * up as a program manager would in Cockpit (a called process, a variable, a panel's size). Counts the completions.
 */
final class JourneySteps {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The technology areas of the demo's experts, so that panels of five can be drawn. */
    static final JsonNode AREAS = JSON.createArrayNode().add("新药筛选").add("化学合成").add("中药组分分析与质量控制")
            .add("新制剂与新释药系统").add("医学影像").add("血管植入介入");

    /** Instances whose start some journey has seen: a lost start's instance is the one nobody has seen. */
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Object> STARTING = new ConcurrentHashMap<>();

    private final Nodes nodes;
    private final List<Completion> acknowledged;
    private int completions;

    JourneySteps(Nodes nodes) {
        this(nodes, new ArrayList<>());
    }

    /** {@code acknowledged}: where each completion a node answered with 204 is added as it happens. */
    JourneySteps(Nodes nodes, List<Completion> acknowledged) {
        this.nodes = nodes;
        this.acknowledged = acknowledged;
    }

    int completions() {
        return completions;
    }

    /**
     * Starts a process as the user. Where the answer was lost, the instance that start made (if it did) is the one of
     * the user's starts of that process that no journey has seen; the user's starts of a process are made one at a
     * time, so there is at most one such instance.
     */
    String start(String user, String processKey) {
        synchronized (STARTING.computeIfAbsent(user + " " + processKey, key -> new Object())) {
            String started = nodes.request((tasklist, retry) -> {
                if (retry) {
                    for (JsonNode instance : tasklist.get("admin", "/engine-rest/history/process-instance?"
                            + "processDefinitionKey=" + processKey + "&startedBy=" + user)) {
                        if (!STARTED.contains(instance.path("id").asText())) {
                            return instance.path("id").asText();
                        }
                    }
                }
                return tasklist.start(user, processKey);
            });
            STARTED.add(started);
            return started;
        }
    }

    JsonNode get(String user, String path) {
        return nodes.request((tasklist, retry) -> tasklist.get(user, path));
    }

    List<JsonNode> tasks(String user, String query) {
        return nodes.request((tasklist, retry) -> tasklist.tasks(user, query));
    }

    JsonNode awaitTask(String user, String instance, String taskKey) {
        return awaitTasks(user, "processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey, 1).get(0);
    }

    List<JsonNode> awaitTasks(String user, String query, int count) {
        return TasklistClient.await(() -> tasks(user, query), tasks -> tasks.size() == count,
                user + " to see " + count + " task(s) for " + query);
    }

    /**
     * An application to the call (or challenge) {@code callId}, through the formal check (kjj) and a review in which
     * every drawn expert declares no conflict and gives {@code score}; answers the application's instance.
     */
    String appliedAndReviewed(String applicant, String callId, String title, String requestedWan, int score) {
        String application = start(applicant, FundingApplicationProcess.KEY);
        // 填写申报书 is completed only once the 申报书 is attached (rdfund.documents.required).
        nodes.request((tasklist, retry) -> {
            tasklist.attach(applicant, awaitTask(applicant, application, FundingApplicationProcess.TASK_FILL), "申报书",
                    title + "申报书.pdf", TasklistClient.MINIMAL_PDF);
            return null;
        });
        submit(applicant, application, FundingApplicationProcess.TASK_FILL, Map.of(
                FundingApplicationProcess.CALL_ID, callId, "title", title, "requestedWan", requestedWan,
                "coFundingWan", "", "partnerUsccs", "", "projectSummary", "项目简介", "teamDescription", "研发团队",
                "workPlan", "计划", "promisedIndicators", "指标"));
        submit("kjj", application, FundingApplicationProcess.TASK_FORMAL_CHECK,
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        String review = called(application, ExpertReviewProcess.KEY);
        everyExpert(review, ExpertReviewProcess.TASK_DECLARE,
                Map.of(ExpertReviewProcess.DECLARATION, ExpertReviewProcess.NO_CONFLICT));
        everyExpert(review, ExpertReviewProcess.TASK_SCORE, Map.of("advancement", score, "feasibility", score,
                "team", score, "budget", score, "industrialization", score,
                ExpertReviewProcess.REVIEW_COMMENT, "评审意见"));
        return application;
    }

    /**
     * Completes the instance's task of that kind as the user once the user sees it. Where the answer was lost, the
     * task is done if the user's task of that kind in the instance is completed in the history, else submitted again.
     */
    void submit(String user, String instance, String taskKey, Map<String, Object> form) {
        complete(user, instance, taskKey, null, form);
    }

    void submit(String user, JsonNode task, Map<String, Object> form) {
        complete(user, task.path("processInstanceId").asText(), task.path("taskDefinitionKey").asText(), task, form);
    }

    private void complete(String user, String instance, String taskKey, JsonNode seen, Map<String, Object> form) {
        Completion completion = nodes.request((tasklist, retry) -> {
            if (retry && !tasklist.get("admin", "/engine-rest/history/task?processInstanceId=" + instance
                    + "&taskDefinitionKey=" + taskKey + "&taskAssignee=" + user + "&finished=true").isEmpty()) {
                return null;
            }
            JsonNode task = seen != null && !retry ? seen : awaitTask(user, instance, taskKey);
            return tasklist.submitTyped(user, task, new LinkedHashMap<>(form));
        });
        if (completion != null) {
            acknowledged.add(completion);
            completions++;
        }
    }

    /** The running instance of that process the instance called (a review, a panel, a payment). */
    String called(String instance, String processKey) {
        return TasklistClient.await(() -> get("admin", "/engine-rest/process-instance?superProcessInstance="
                + instance + "&processDefinitionKey=" + processKey), found -> found.size() == 1,
                processKey + " called by " + instance).get(0).path("id").asText();
    }

    /**
     * A process variable's value as text, once it is set; read from the history, because the instance may have ended
     * by the time it is asked (an application once the window closes): a running instance's variables are not there
     * any more then.
     */
    String variable(String instance, String name) {
        return TasklistClient.await(() -> get("admin", "/engine-rest/history/variable-instance?processInstanceId="
                + instance + "&variableName=" + name), found -> found.size() == 1 && !found.get(0).path("value")
                .isNull(), name + " of " + instance).get(0).path("value").asText();
    }

    /** How many experts the panel drew: each works in a multi-instance element of its own, created one by one. */
    int panelSize(String instance) {
        return TasklistClient.await(() -> get("admin", "/engine-rest/variable-instance?processInstanceIdIn="
                + instance + "&variableName=nrOfInstances"), found -> !found.isEmpty(), "the panel of " + instance)
                .get(0).path("value").asInt();
    }

    /** Each drawn expert completes their own task of that kind in the instance; answers how many experts did. */
    int everyExpert(String instance, String taskKey, Map<String, Object> form) {
        int count = panelSize(instance);
        List<JsonNode> tasks;
        try {
            tasks = TasklistClient.await(() -> tasks("admin", "processInstanceId=" + instance
                    + "&taskDefinitionKey=" + taskKey), found -> found.size() == count, taskKey + " in " + instance);
        } catch (IllegalStateException stuck) {
            throw new IllegalStateException(stuck.getMessage() + "; its steps: "
                    + get("admin", "/engine-rest/history/activity-instance?processInstanceId=" + instance)
                    + "; incidents: " + get("admin", "/engine-rest/incident"), stuck);
        }
        for (JsonNode task : tasks) {
            String expert = task.path("assignee").asText();
            submit(expert, instance, taskKey, form);
        }
        return tasks.size();
    }
}
