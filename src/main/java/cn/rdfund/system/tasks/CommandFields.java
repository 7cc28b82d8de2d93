package cn.rdfund.system.tasks;

import java.lang.reflect.Field;
import java.util.Map;

/** Reads what an engine command carries (its task id, its variables) where Camunda offers no getter. */
final class CommandFields {

    private CommandFields() {
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
