package cn.rdfund.system.tasks;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/** Reads what an engine command carries (its task id, its variables) where Camunda offers no getter. */
final class CommandFields {

    private CommandFields() {
    }

    /** What a process start carries: its variables, its business key, and whether it skips listeners or mappings. */
    record Start(Map<String, ?> variables, String businessKey, boolean skips) {
    }

    /** The start a command makes (REST's start or start-form submission), or empty for any other command. */
    static Optional<Start> start(Command<?> command) {
        if (command instanceof StartProcessInstanceCmd) {
            Object builder = get(command, "instantiationBuilder");
            Object modification = get(builder, "modificationBuilder");
            return Optional.of(new Start(map(modification, "processVariables"), get(builder, "businessKey"),
                    Boolean.TRUE.equals(get(modification, "skipCustomListeners"))
                            || Boolean.TRUE.equals(get(modification, "skipIoMappings"))));
        }
        if (command instanceof SubmitStartFormCmd) {
            return Optional.of(new Start(map(command, "variables"), get(command, "businessKey"), false));
        }
        return Optional.empty();
    }

    static Map<String, ?> map(Object command, String name) {
        Map<String, ?> map = get(command, name);
        return map == null ? Map.of() : map;
    }

    @SuppressWarnings("unchecked")
    static <T> T get(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no field " + name);
    }
}
