package cn.rdfund.support;

import cn.rdfund.claim.PolicyClaimProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What Tasklist sends to Camunda's REST API for a demo user (password = user id) — start a process, list one's
 * tasks, submit a task's form — against an application on a port, e.g. one in its own process.
 */
public final class TasklistClient {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** A task completion the application acknowledged with 204. */
    public record Completion(String user, String taskId, String taskKey, String taskName, String processInstanceId,
            Map<String, String> variables) {

        @Override
        public String toString() {
            return taskName + " (" + taskKey + ", task " + taskId + ") completed by " + user;
        }
    }

    private final int port;
    private final ObjectMapper json = new ObjectMapper();

    public TasklistClient(int port) {
        this.port = port;
    }

    /**
     * The claimant's 提交申领 form of an award claim for a first 高新技术企业 recognition (P4.3, 20万元), as Tasklist
     * submits it.
     */
    public static Map<String, String> firstRecognitionClaim(String claimant) {
        return Map.of(PolicyClaimProcess.CLAIM_ACTION, PolicyClaimProcess.SUBMIT, "measure", "P4.3", "claimTitle", "高新技术企业首次认定奖励（" + claimant + "）",
                "referenceDate", "2025-06-01", "recognitionType", "FIRST", "documents", "高新技术企业证书 GR2025000001",
                "otherAwardWan", "0", "payeeBank", "中国工商银行沈阳和平支行", "payeeAccount", "3301001234567890123");
    }

    /** A minimal PDF: the 申报书 a journey attaches, or any document a test uploads. */
    public static final byte[] MINIMAL_PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Attaches a document on the task as the user, as the 材料 tab does. */
    public void attach(String user, JsonNode task, String kind, String fileName, byte[] content) {
        Http.Response answer = Http.as(port, user).postFile("/api/tasks/" + task.path("id").asText() + "/documents",
                Map.of("kind", kind), "file", fileName, content);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(user + " could not attach " + fileName + " on " + task.path("name").asText()
                    + ": " + answer.status() + " " + answer.body());
        }
    }

    /** Starts a process as the user; the new instance's id. */
    public String start(String user, String processKey) {
        Http.Response started = Http.as(port, user).post("/engine-rest/process-definition/key/" + processKey + "/start",
                "{}");
        if (started.status() != 200) {
            throw new IllegalStateException(user + " could not start " + processKey + ": " + started.status() + " "
                    + started.body());
        }
        return read(started.body()).path("id").asText();
    }

    /** The user's open tasks (GET /engine-rest/task with this query string). */
    public List<JsonNode> tasks(String user, String query) {
        List<JsonNode> tasks = new ArrayList<>();
        get(user, "/engine-rest/task?" + query).forEach(tasks::add);
        return tasks;
    }

    /** Waits until the instance has an open task with that id in the model that the user sees. */
    public JsonNode awaitTask(String user, String processInstanceId, String taskKey) {
        return awaitTasks(user, "processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey, 1).get(0);
    }

    /** Waits until the user sees exactly that many tasks for the query (jobs and timers run in between). */
    public List<JsonNode> awaitTasks(String user, String query, int count) {
        return await(() -> tasks(user, query), tasks -> tasks.size() == count,
                user + " to see " + count + " task(s) for " + query);
    }

    /** Submits the task's form as the user, as Tasklist does with a Camunda Form's fields; it must answer 204. */
    public Completion submit(String user, JsonNode task, Map<String, String> form) {
        return submitTyped(user, task, new LinkedHashMap<>(form));
    }

    /**
     * Submits a form with typed fields, as Camunda Forms send them: numbers as Long, yes/no as Boolean, a
     * {@link JsonNode} (a multi-select's choices) as Json, the rest as String.
     */
    public Completion submitTyped(String user, JsonNode task, Map<String, Object> form) {
        ObjectNode body = json.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        Map<String, String> shown = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            ObjectNode variable = variables.putObject(name);
            if (value instanceof Integer || value instanceof Long) {
                variable.put("value", ((Number) value).longValue()).put("type", "Long");
            } else if (value instanceof Boolean yes) {
                variable.put("value", yes).put("type", "Boolean");
            } else if (value instanceof JsonNode node) {
                variable.put("value", node.toString()).put("type", "Json");
            } else {
                variable.put("value", String.valueOf(value)).put("type", "String");
            }
            shown.put(name, String.valueOf(value));
        });
        return submit(user, task, body, shown);
    }

    private Completion submit(String user, JsonNode task, ObjectNode body, Map<String, String> form) {
        String taskId = task.path("id").asText();
        Http.Response answer = Http.as(port, user).post("/engine-rest/task/" + taskId + "/submit-form",
                body.toString());
        if (answer.status() != 204) {
            throw new IllegalStateException(user + " could not complete " + task.path("name").asText() + ": "
                    + answer.status() + " " + answer.body());
        }
        return new Completion(user, taskId, task.path("taskDefinitionKey").asText(), task.path("name").asText(),
                task.path("processInstanceId").asText(), Map.copyOf(form));
    }

    /** What of the completion is not there: empty when the task is done and its values are in the history. */
    public List<String> whatIsMissing(Completion completion) {
        List<String> missing = new ArrayList<>();
        boolean stillOpen = tasks(completion.user(), "processInstanceId=" + completion.processInstanceId()
                + "&taskDefinitionKey=" + completion.taskKey()).stream()
                .anyMatch(task -> task.path("id").asText().equals(completion.taskId()));
        if (stillOpen) {
            missing.add(completion + ": still open in " + completion.user() + "'s task list");
        }
        JsonNode history = get("auditor", "/engine-rest/history/task?taskId=" + completion.taskId());
        if (history.size() != 1 || !"completed".equals(history.get(0).path("deleteReason").asText())) {
            missing.add(completion + ": not completed in the history (" + (history.isEmpty() ? "no such task"
                    : "end " + history.get(0).path("endTime") + ", " + history.get(0).path("deleteReason")) + ")");
        }
        // Every value each variable ever had in the instance (a later step may change it, and a panel's experts each
        // keep theirs in an execution of their own), as stored (a Json value as its text).
        Map<String, List<String>> written = new LinkedHashMap<>();
        get("auditor", "/engine-rest/history/detail?variableUpdates=true&deserializeValues=false&processInstanceId="
                + completion.processInstanceId()).forEach(update -> written.computeIfAbsent(
                        update.path("variableName").asText(), name -> new ArrayList<>()).add(update.path("value").asText()));
        completion.variables().forEach((name, value) -> {
            List<String> values = written.getOrDefault(name, List.of());
            if (!values.contains(value)) {
                missing.add(completion + ": " + name + " should be " + value + " but the history has " + values);
            }
        });
        return missing;
    }

    /** A GET answered with 200, as JSON. */
    public JsonNode get(String user, String path) {
        Http.Response answer = Http.as(port, user).get(path);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " as " + user + ": " + answer.status() + " "
                    + answer.body());
        }
        return read(answer.body());
    }

    /**
     * Waits until no instance of the process is unfinished (asked as the auditor); if one stays, the error says where
     * each such instance stands (its unfinished activities, called processes included) and lists the jobs and
     * incidents there are.
     */
    public void awaitEveryInstanceEnded(String processKey, Duration patience) {
        try {
            await(() -> get("auditor", "/engine-rest/history/process-instance/count?processDefinitionKey=" + processKey
                    + "&unfinished=true"), count -> count.path("count").asInt() == 0,
                    "every " + processKey + " instance to end", patience);
        } catch (IllegalStateException stuck) {
            StringBuilder where = new StringBuilder(stuck.getMessage());
            for (JsonNode instance : get("auditor", "/engine-rest/history/process-instance?processDefinitionKey="
                    + processKey + "&unfinished=true")) {
                where.append("\n").append(processKey).append(' ').append(instance.path("id").asText())
                        .append(" at ").append(get("auditor", "/engine-rest/history/activity-instance?unfinished=true"
                                + "&rootProcessInstanceId=" + instance.path("id").asText()));
            }
            where.append("\njobs: ").append(get("admin", "/engine-rest/job"))
                    .append("\nincidents: ").append(get("admin", "/engine-rest/incident"));
            throw new IllegalStateException(where.toString(), stuck);
        }
    }

    /** Asks again until the answer is the expected one; gives up after two minutes. */
    public static <T> T await(Supplier<T> question, Predicate<T> expected, String waitingFor) {
        return await(question, expected, waitingFor, PATIENCE);
    }

    /** Asks again until the answer is the expected one; gives up after {@code patience}. */
    public static <T> T await(Supplier<T> question, Predicate<T> expected, String waitingFor, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        T answer = question.get();
        while (!expected.test(answer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Waited " + patience + " for " + waitingFor + "; last answer: "
                        + answer);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = question.get();
        }
        return answer;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }
}
