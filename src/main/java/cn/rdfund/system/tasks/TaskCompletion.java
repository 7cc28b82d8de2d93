package cn.rdfund.system.tasks;

import java.util.Map;

/**
 * A user task being completed: its variables (submitted and the process's), who completes it, the
 * process instance, and who started it; the task's process and id in the model (for rules that serve several tasks).
 * Variables can be overwritten by whoever completes a task
 * through the REST API, so identities come from the engine's own records, never from variables.
 */
public record TaskCompletion(Map<String, Object> variables, String completedBy, String processInstanceId,
        String startedBy, String processKey, String taskKey) {

    public TaskCompletion(Map<String, Object> variables, String completedBy, String processInstanceId,
            String startedBy) {
        this(variables, completedBy, processInstanceId, startedBy, null, null);
    }

    public Object get(String name) {
        return variables.get(name);
    }
}
