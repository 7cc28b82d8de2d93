package cn.rdfund.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names users read for the values a case records, from the forms shipped in classpath:bpmn/: a field's label and
 * a chosen value's label as the task's own form shows them (the models name each user task's form), else as the first
 * form in alphabetical order that has the field (a value set by a step, not a form); a few values no form shows are
 * named here. A name nobody labels stays as it is.
 */
@Component
class FieldLabels {

    private static final Map<String, String> UNSHOWN = Map.of("projectStatus", "项目状态", "initiator", "发起人",
            "applicationId", "申报（内部序号）", "projectId", "项目（内部序号）", "callId", "指南（内部序号）",
            "disbursementApprovedBy", "拨付审批人");
    private static final Pattern PROCESS = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    private static final Pattern USER_TASK = Pattern.compile(
            "<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"([A-Za-z0-9_]+)\"");

    /**
     * A form's fields: labels, chosen values' labels ("verdict=PASS"), the fields nobody edits, and the fields whose
     * choices the process offers at run time (field → the variable holding them, a form's valuesKey).
     */
    private record Form(Map<String, String> labels, Map<String, String> choices, Set<String> readOnly,
            Map<String, String> offeredIn) {
    }

    private final Map<String, Form> forms = new HashMap<>();
    /** "process/task" → the task's form id. */
    private final Map<String, String> taskForms = new HashMap<>();
    private final Form anyForm = new Form(new HashMap<>(UNSHOWN), new HashMap<>(), new HashSet<>(), new HashMap<>());
    private final Set<String> offeringVariables = new HashSet<>();
    private final ObjectMapper json = new ObjectMapper();

    FieldLabels() throws IOException {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        Resource[] files = resources.getResources("classpath*:bpmn/**/*.form");
        Arrays.sort(files, Comparator.comparing(Resource::getDescription));
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                read(json.readTree(in));
            }
        }
        for (Resource model : resources.getResources("classpath*:bpmn/**/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Matcher process = PROCESS.matcher(xml);
                if (process.find()) {
                    Matcher task = USER_TASK.matcher(xml);
                    while (task.find()) {
                        taskForms.put(process.group(1) + "/" + task.group(1), task.group(2));
                    }
                }
            }
        }
    }

    private void read(JsonNode definition) {
        Form form = new Form(new HashMap<>(), new HashMap<>(), new HashSet<>(), new HashMap<>());
        forms.put(definition.path("id").asText(), form);
        for (JsonNode component : definition.path("components")) {
            if (!component.hasNonNull("key")) {
                continue;
            }
            String key = component.get("key").asText();
            // A date field's label is its dateLabel (Camunda Forms' datetime component).
            String label = component.path("label").asText(component.path("dateLabel").asText("")).strip()
                    .replaceAll("[*：:]+$", "");
            if (!label.isEmpty()) {
                form.labels().put(key, label);
                anyForm.labels().putIfAbsent(key, label);
            }
            if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                form.readOnly().add(key);
            }
            if (component.hasNonNull("valuesKey")) {
                form.offeredIn().put(key, component.get("valuesKey").asText());
                offeringVariables.add(component.get("valuesKey").asText());
            }
            for (JsonNode choice : component.path("values")) {
                String value = key + "=" + choice.path("value").asText();
                form.choices().put(value, choice.path("label").asText());
                anyForm.choices().putIfAbsent(value, choice.path("label").asText());
            }
        }
    }

    /**
     * The id of the form the model names for task {@code taskKey} of process {@code process}; null where it names
     * none or chooses it at run time (an expert panel's form comes from its caller, in the variable panelForm).
     */
    String formOf(String process, String taskKey) {
        return taskForms.get(process + "/" + taskKey);
    }

    private Form form(String formId) {
        return formId == null ? anyForm : forms.getOrDefault(formId, anyForm);
    }

    /** The field's label on that form (null: not a task's value, any form's label). */
    String of(String formId, String name) {
        String label = form(formId).labels().get(name);
        return label != null ? label : anyForm.labels().getOrDefault(name, name);
    }

    /** Whether the form shows the field without letting anybody change it (it comes back as it was). */
    boolean readOnly(String formId, String name) {
        return form(formId).readOnly().contains(name);
    }

    /** Whether a form offers this variable's value as a field's choices (its valuesKey). */
    boolean offersChoices(String variable) {
        return offeringVariables.contains(variable);
    }

    /**
     * A chosen value with its label as the form offered it: 通过（PASS）, or, from the choices the process offered at
     * run time ({@code offered}: such a variable's last value, JSON [{label, value}]), the label alone (ZN2026-…
     * 生物医药指南: the value is an internal id); several chosen (a checklist's ["3","4"]) are each named.
     */
    String valueOf(String formId, String name, String value, Function<String, String> offered) {
        String variable = form(formId).offeredIn().get(name);
        String choices = variable == null ? null : offered.apply(variable);
        if (choices == null) {
            return valueOf(formId, name, value);
        }
        try {
            Map<String, String> labelOf = new HashMap<>();
            json.readTree(choices).forEach(choice -> labelOf.put(choice.path("value").asText(),
                    choice.path("label").asText(choice.path("value").asText())));
            if (value.startsWith("[")) {
                List<String> named = new ArrayList<>();
                json.readTree(value).forEach(chosen -> named.add(labelOf.getOrDefault(chosen.asText(), chosen.asText())));
                return String.join("；", named);
            }
            return labelOf.getOrDefault(value, value);
        } catch (IOException notJson) {
            return valueOf(formId, name, value);
        }
    }

    /** A chosen value with its label as the form offered it: 通过（PASS）; any other value as it is. */
    String valueOf(String formId, String name, String value) {
        String label = form(formId).choices().get(name + "=" + value);
        if (label == null) {
            label = anyForm.choices().get(name + "=" + value);
        }
        return label == null || label.equals(value) ? value : label + "（" + value + "）";
    }
}
