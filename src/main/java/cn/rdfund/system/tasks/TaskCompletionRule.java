package cn.rdfund.system.tasks;

import java.util.List;
import java.util.function.Function;

/**
 * What the server checks before a user task may complete, whatever the browser form allowed. A plain
 * function of the task's variables and the completing user, so it is tested without an engine. Spring beans of this type are applied by {@link TaskCompletionValidationPlugin}.
 */
public interface TaskCompletionRule {

    /** The process definition key (the BPMN process id) of the task. */
    String processKey();

    /** The task's id in the model, e.g. {@code Task_ReviewApplication}. */
    String taskKey();

    /** Whether the rule checks this task; by default the one task {@link #processKey()}, {@link #taskKey()}. */
    default boolean appliesTo(String processKey, String taskKey) {
        return processKey().equals(processKey) && taskKey().equals(taskKey);
    }

    /** Everything wrong with the input, each in words the person completing the task can act on. */
    List<String> problems(TaskCompletion completion);

    /** A rule from a function, for features that declare their rules as beans. */
    static TaskCompletionRule of(String processKey, String taskKey, Function<TaskCompletion, List<String>> check) {
        return new TaskCompletionRule() {
            @Override
            public String processKey() {
                return processKey;
            }

            @Override
            public String taskKey() {
                return taskKey;
            }

            @Override
            public List<String> problems(TaskCompletion completion) {
                return check.apply(completion);
            }
        };
    }
}
