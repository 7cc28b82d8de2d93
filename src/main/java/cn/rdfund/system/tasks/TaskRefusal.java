package cn.rdfund.system.tasks;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion refused from a step that runs with it (in its transaction), as the task's own checks refuse it: the
 * person is told why, nothing is written, and the refusal is not logged as an engine error (RefusedCompletionLogFilter).
 * The engine's exception type stays here, at the edge.
 */
public final class TaskRefusal {

    private TaskRefusal() {
    }

    public static RuntimeException of(String taskKey, String message) {
        return new FormFieldValidationException(taskKey, message);
    }
}
