package cn.rdfund.system.tasks;

import java.util.Map;

/** A user task being completed: its variables (submitted and the process's) and who completes it. */
public record TaskCompletion(Map<String, Object> variables, String completedBy) {

    public Object get(String name) {
        return variables.get(name);
    }
}
