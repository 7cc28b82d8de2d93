package cn.rdfund.system.tasks;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one place a process's variables are read: each model's typed accessor ({@code XxxProcess.Variables}) extends
 * this and names its variables, their types and what an absent one means; the readings themselves are these.
 */
public abstract class ProcessVariables {

    private final VariableScope scope;

    protected ProcessVariables(VariableScope scope) {
        this.scope = scope;
    }

    /** The value as stored; null when absent. */
    protected Object value(String name) {
        return scope.getVariable(name);
    }

    /** Every variable visible from this scope, for the classes that parse a whole form's values. */
    protected Map<String, Object> values() {
        return scope.getVariables();
    }

    /** A form's text, trimmed; null when absent or blank ({@link FormValues#text}). */
    protected String text(String name) {
        return FormValues.text(value(name));
    }

    /** The value as a string, untrimmed; null when absent. */
    protected String string(String name) {
        return Objects.toString(value(name), null);
    }

    /** A number the process itself set (ids, rounds, sequence numbers). */
    protected Number number(String name) {
        return (Number) value(name);
    }

    /** A number that may be absent, with what its absence means. */
    protected long longOr(String name, long absent) {
        return value(name) instanceof Number number ? number.longValue() : absent;
    }

    /** A number that may be absent, with what its absence means. */
    protected int intOr(String name, int absent) {
        return value(name) instanceof Number number ? number.intValue() : absent;
    }
}
