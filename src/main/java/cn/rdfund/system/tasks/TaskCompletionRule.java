package cn.rdfund.system.tasks;

import java.util.List;

/**
 * What the server checks before a user task may complete, whatever the browser form allowed. A plain
 * function of the task's variables and the completing user, so it is tested without an engine. Spring beans of this type are applied by {@link TaskCompletionValidationPlugin}.
 */
public interface TaskCompletionRule {

    /** The process definition key (the BPMN process id) of the task. */
    String processKey();

    /** The task's id in the model, e.g. {@code Task_ReviewApplication}. */
    String taskKey();

    /** Everything wrong with the input, each in words the person completing the task can act on. */
    List<String> problems(TaskCompletion completion);
}
