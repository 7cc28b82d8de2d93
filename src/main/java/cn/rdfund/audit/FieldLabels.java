package cn.rdfund.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names users read for the values a case records: each form field's label (coFundingWan is 自筹资金（万元）), read
 * from the forms shipped in classpath:bpmn/, the first label of a key in the forms' alphabetical order winning; a few
 * values no form shows are named here. A name nobody labels stays as it is.
 */
@Component
class FieldLabels {

    private static final Map<String, String> UNSHOWN = Map.of("projectStatus", "项目状态", "initiator", "发起人",
            "applicationId", "申报编号（内部）", "projectId", "项目编号（内部）", "callId", "指南（内部编号）");

    private final Map<String, String> labels = new HashMap<>(UNSHOWN);
    /** A choice's label by field and value (审查结论 PASS is 通过). */
    private final Map<String, String> choices = new HashMap<>();

    FieldLabels() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.form");
        java.util.Arrays.sort(forms, java.util.Comparator.comparing(Resource::getDescription));
        for (Resource form : forms) {
            try (InputStream in = form.getInputStream()) {
                for (JsonNode component : json.readTree(in).path("components")) {
                    String label = component.path("label").asText("").strip();
                    if (component.hasNonNull("key") && !label.isEmpty()) {
                        labels.putIfAbsent(component.get("key").asText(), label.replaceAll("[*：:]+$", ""));
                    }
                    for (JsonNode choice : component.path("values")) {
                        choices.putIfAbsent(component.path("key").asText() + "=" + choice.path("value").asText(),
                                choice.path("label").asText());
                    }
                }
            }
        }
    }

    String of(String name) {
        return labels.getOrDefault(name, name);
    }

    /** A chosen value with its label, as the form offered it: 通过（PASS）; any other value as it is. */
    String valueOf(String name, String value) {
        String label = choices.get(name + "=" + value);
        return label == null || label.equals(value) ? value : label + "（" + value + "）";
    }
}
