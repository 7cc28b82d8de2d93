package cn.rdfund.claim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What bpmn/claim/ClaimForm.form itself says, read once from the classpath: the labels of its category lists (so a
 * claim reads "国家企业技术中心", not ENTERPRISE_TECH_CENTER, without a Java copy of the labels) and which of its fields
 * are shown only for the measures the catalogue names (their hide rule reads {@value #FIELD_MEASURES}).
 */
final class ClaimFormDefinition {

    static final String RESOURCE = "bpmn/claim/ClaimForm.form";
    /** The task variable the form's hide rules read: for each field, the measures that show it. */
    static final String FIELD_MEASURES = "claimFieldMeasures";

    private static final ClaimFormDefinition DEPLOYED = read(RESOURCE);

    private final Map<String, Map<String, String>> optionLabels;
    private final Map<String, String> fieldLabels;
    private final Map<String, String> fieldTypes;
    private final Map<String, java.util.regex.Pattern> patterns;
    private final Map<String, String> descriptions;
    private final List<String> measureFields;

    private ClaimFormDefinition(Map<String, Map<String, String>> optionLabels, Map<String, String> fieldLabels,
            Map<String, String> fieldTypes, Map<String, java.util.regex.Pattern> patterns,
            Map<String, String> descriptions, List<String> measureFields) {
        this.optionLabels = optionLabels;
        this.fieldLabels = fieldLabels;
        this.fieldTypes = fieldTypes;
        this.patterns = patterns;
        this.descriptions = descriptions;
        this.measureFields = measureFields;
    }

    static ClaimFormDefinition deployed() {
        return DEPLOYED;
    }

    static ClaimFormDefinition read(String resource) {
        try (InputStream form = ClaimFormDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (form == null) {
                throw new IllegalStateException("申领表不在类路径上：" + resource);
            }
            Map<String, Map<String, String>> labels = new HashMap<>();
            Map<String, String> fieldLabels = new HashMap<>();
            Map<String, String> fieldTypes = new HashMap<>();
            Map<String, java.util.regex.Pattern> patterns = new HashMap<>();
            Map<String, String> descriptions = new HashMap<>();
            List<String> fields = new ArrayList<>();
            for (JsonNode component : new ObjectMapper().readTree(form).path("components")) {
                String key = component.path("key").asText(null);
                if (key == null) {
                    continue;
                }
                fieldLabels.put(key, component.path("label").asText(component.path("dateLabel").asText(key)));
                fieldTypes.put(key, component.path("type").asText(""));
                descriptions.put(key, component.path("description").asText(""));
                if (component.path("validate").hasNonNull("pattern")) {
                    patterns.put(key, java.util.regex.Pattern.compile(component.path("validate").path("pattern").asText()));
                }
                if (component.has("values")) {
                    Map<String, String> options = new LinkedHashMap<>();
                    component.get("values").forEach(o -> options.put(o.path("value").asText(), o.path("label").asText()));
                    labels.put(key, java.util.Collections.unmodifiableMap(options));
                }
                if (component.path("conditional").path("hide").asText().contains(FIELD_MEASURES + ".")) {
                    fields.add(key);
                }
            }
            return new ClaimFormDefinition(Map.copyOf(labels), Map.copyOf(fieldLabels), Map.copyOf(fieldTypes),
                    Map.copyOf(patterns), Map.copyOf(descriptions), List.copyOf(fields));
        } catch (IOException e) {
            throw new UncheckedIOException("申领表无法读取：" + resource, e);
        }
    }

    /** The option's label in the form's list of that name; the value itself where the form has no such option. */
    String label(String list, String value) {
        return optionLabels.getOrDefault(list, Map.of()).getOrDefault(value, value);
    }

    /** The value of the list's option this is, given as its value or as its label (an official list uses labels). */
    java.util.Optional<String> optionOf(String list, String valueOrLabel) {
        Map<String, String> options = optionLabels.getOrDefault(list, Map.of());
        if (options.containsKey(valueOrLabel)) {
            return java.util.Optional.of(valueOrLabel);
        }
        return options.entrySet().stream().filter(o -> o.getValue().equals(valueOrLabel)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The options of the form's list of that name, value to label, in the form's order (none: empty). */
    Map<String, String> options(String list) {
        return optionLabels.getOrDefault(list, Map.of());
    }

    /** Whether the form's list of that name offers this value. */
    boolean hasOption(String list, String value) {
        return optionLabels.getOrDefault(list, Map.of()).containsKey(value);
    }

    /** The field's label on the form (its key where it has none). */
    String fieldLabel(String key) {
        return fieldLabels.getOrDefault(key, key);
    }

    /**
     * How a field is read, by its component type and, for a text field, its name's convention: a list, a date, a tick,
     * a count, 万元 (…Wan), a percent (…Percent), a 公民身份号码 (…IdNumber), a certificate's number, or text. The word
     * is the one the calculator answers with.
     */
    enum Kind {
        CHOICE("choice"), DATE("date"), TICK("tick"), COUNT("count"), AMOUNT_WAN("amountWan"), PERCENT("percent"),
        ID_NUMBER("idNumber"), CERTIFICATE("certificate"), TEXT("text");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    Kind kindOf(String key) {
        return switch (fieldType(key)) {
            case "select", "radio" -> Kind.CHOICE;
            case "datetime" -> Kind.DATE;
            case "checkbox" -> Kind.TICK;
            case "number" -> Kind.COUNT;
            default -> key.endsWith("Wan") ? Kind.AMOUNT_WAN : key.endsWith("Percent") ? Kind.PERCENT
                    : key.endsWith(ClaimSubjects.ID_NUMBER) ? Kind.ID_NUMBER
                    : key.equals(ClaimSubjects.CERTIFICATE) ? Kind.CERTIFICATE : Kind.TEXT;
        };
    }

    /** The field's component type on the form ({@code select}, {@code datetime}, {@code textfield} …); empty if none. */
    String fieldType(String key) {
        return fieldTypes.getOrDefault(key, "");
    }

    /** The pattern the form gives a field's text (validate.pattern), which the server checks too. */
    java.util.Optional<java.util.regex.Pattern> pattern(String key) {
        return java.util.Optional.ofNullable(patterns.get(key));
    }

    /** The field's description on the form (how to fill it in); empty if none. */
    String fieldDescription(String key) {
        return descriptions.getOrDefault(key, "");
    }

    /** Whether the form has a list of fixed options of that name (a category the catalogue may name). */
    boolean hasList(String list) {
        return optionLabels.containsKey(list);
    }

    /** The fields the form shows only for the measures whose catalogue row asks for them. */
    List<String> measureFields() {
        return measureFields;
    }
}
