package cn.rdfund.system.tasks;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A text that a person submits when completing a task or starting a process must fit the engine's variable column:
 * a longer one is refused, naming the field, before anything is written (instead of the database failing at commit).
 */
final class TextLengthGuard {

    /** Camunda keeps a text variable in a column of this many characters (ACT_RU_VARIABLE.TEXT_). */
    static final int MAX_TEXT_LENGTH = 4000;

    private TextLengthGuard() {
    }

    static void check(Command<?> command) {
        Map<String, ?> values;
        if (command instanceof CompleteTaskCmd) {
            values = CommandFields.map(command, "variables");
        } else if (command instanceof SubmitTaskFormCmd) {
            values = CommandFields.map(command, "properties");
        } else {
            Optional<CommandFields.Start> start = CommandFields.start(command);
            if (start.isEmpty()) {
                return;
            }
            values = start.get().variables();
        }
        values.forEach((name, value) -> {
            Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
            if (plain instanceof String text && text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
                throw new FormFieldValidationException(name, "「" + name + "」过长：最多" + MAX_TEXT_LENGTH + "字，现为"
                        + text.codePointCount(0, text.length()) + "字");
            }
        });
    }
}
