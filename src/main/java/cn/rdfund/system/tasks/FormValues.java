package cn.rdfund.system.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads values as Camunda Forms submit them: text as strings, checklists as JSON arrays (Spin) or,
 * from the Java API, as lists.
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(Object value) {
        return value instanceof String text ? text.strip() : null;
    }

    public static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(element -> texts.add(element.isString() ? element.stringValue() : element.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> texts.add(String.valueOf(element)));
        }
        return texts;
    }
}
