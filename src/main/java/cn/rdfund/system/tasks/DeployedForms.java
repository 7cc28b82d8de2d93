package cn.rdfund.system.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.springframework.stereotype.Component;

/**
 * The fields of a task's deployed Camunda Form: which a person may edit (not {@code readonly}), the longest text each
 * takes ({@code validate.maxLength}) and their labels. Read once per model version, task and form, then cached; one
 * cache for everything that asks (the form input guard, the fresh-answers listener).
 */
@Component
final class DeployedForms {

    /** What a task's Camunda Form lets a person edit, the longest text each field takes, and the fields' labels. */
    record Fields(Set<String> editable, Map<String, Integer> maxLength, Map<String, String> labels) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Fields> fieldsByForm = new ConcurrentHashMap<>();

    /**
     * The fields of the form {@code formRef} of task {@code taskId}, a task {@code taskDefinitionKey} of model version
     * {@code processDefinitionId} (a caller may choose the form of an expert panel's task, so the form is part of the
     * key).
     */
    Fields of(FormService forms, String taskId, String processDefinitionId, String taskDefinitionKey, String formRef) {
        return fieldsByForm.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey + "/" + formRef, key -> {
            try (InputStream form = forms.getDeployedTaskForm(taskId)) {
                return read(json.readTree(form));
            } catch (IOException e) {
                throw new IllegalStateException("表单无法读取: " + key, e);
            }
        });
    }

    private static Fields read(JsonNode form) {
        Set<String> editable = new HashSet<>();
        Map<String, Integer> maxLength = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (JsonNode component : form.path("components")) {
            if (!component.hasNonNull("key")) {
                continue;
            }
            String name = component.get("key").asText();
            if (!component.path("readonly").asBoolean(false)) {
                editable.add(name);
            }
            if (component.path("validate").has("maxLength")) {
                maxLength.put(name, component.path("validate").get("maxLength").asInt());
            }
            labels.put(name, component.path("label").asText(name));
        }
        return new Fields(Set.copyOf(editable), Map.copyOf(maxLength), Map.copyOf(labels));
    }
}
