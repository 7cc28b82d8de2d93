package cn.rdfund.system.tasks;

import java.math.BigDecimal;
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

    /** A number as a number field or a text field submits it (85, 85.5, "85.5"); null if it is not one. */
    public static Number number(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? (Number) value : null;
        }
        if (value instanceof Number number) {
            return number;
        }
        String text = text(value);
        return text != null && text.matches("-?\\d{1,9}(\\.\\d{1,6})?") ? new BigDecimal(text) : null;
    }

    /** A whole number as a number field or a text field submits it; null if it is not one. */
    public static Integer integer(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (int) d : null;
        }
        String text = text(value);
        return text != null && text.matches("-?\\d{1,9}") ? Integer.valueOf(text) : null;
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
