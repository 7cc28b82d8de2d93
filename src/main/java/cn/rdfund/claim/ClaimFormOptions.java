package cn.rdfund.claim;

import cn.rdfund.policy.PolicyMeasure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the claim form shows, from the catalogue: the measures to choose from (its select's valuesKey), for each
 * field shown per measure the measures that show it (its hide rule), and each measure's rule and recipients in words.
 * A measure published in several versions shows the newest version's name and texts and the fields of any version
 * (the claim is checked against the version in force on its reference date). A measure whose catalogue row names a
 * category list the form does not have is left out and logged: the form would show no select for it, and its claim
 * could never be submitted (请选择类别).
 */
record ClaimFormOptions(List<Map<String, String>> claimableMeasures, Map<String, List<String>> claimFieldMeasures,
        Map<String, Map<String, String>> claimMeasureTexts) {

    static final String CLAIMABLE_MEASURES = "claimableMeasures";
    static final String MEASURE_TEXTS = "claimMeasureTexts";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(ClaimFormOptions.class);

    /** From the published measures (newest windows first, as the catalogue lists them). */
    static ClaimFormOptions of(List<PolicyMeasure> catalogue, ClaimFormDefinition form) {
        List<PolicyMeasure> published = claimable(catalogue, form);
        Map<String, PolicyMeasure> newest = new TreeMap<>(Comparator.naturalOrder());
        published.stream().sorted(Comparator.comparing(PolicyMeasure::validFrom).reversed())
                .forEach(m -> newest.putIfAbsent(m.measure(), m));
        List<Map<String, String>> options = new ArrayList<>();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        newest.values().forEach(m -> {
            options.add(Map.of("label", m.measure() + " " + m.name(), "value", m.measure()));
            texts.put(m.measure(), Map.of("rule", m.ruleText(), "recipient", m.recipient() == null ? "" : m.recipient()));
        });
        Map<String, List<String>> fieldMeasures = new LinkedHashMap<>();
        form.measureFields().forEach(field -> fieldMeasures.put(field, new ArrayList<>()));
        for (PolicyMeasure m : published) {
            for (String field : ClaimForm.formFields(m.claimFields())) {
                List<String> measures = fieldMeasures.computeIfAbsent(field, f -> new ArrayList<>());
                if (!measures.contains(m.measure())) {
                    measures.add(m.measure());
                }
            }
        }
        fieldMeasures.values().forEach(measures -> measures.sort(Comparator.naturalOrder()));
        return new ClaimFormOptions(List.copyOf(options), fieldMeasures, texts);
    }

    /** The measures none of whose rows names a category list the form lacks; each one left out is logged. */
    private static List<PolicyMeasure> claimable(List<PolicyMeasure> published, ClaimFormDefinition form) {
        Set<String> unclaimable = new HashSet<>();
        for (PolicyMeasure m : published) {
            Optional<String> missing = m.claimFields().category().filter(list -> !form.hasList(list));
            if (missing.isPresent()) {
                log.warn("政策措施目录 {} 的措施 {} 的类别列表 {} 不在申领表 {} 中，该措施不能申领，已从申领表的措施中略去",
                        m.catalogueDecisionId(), m.measure(), missing.get(), ClaimFormDefinition.RESOURCE);
                unclaimable.add(m.measure());
            }
        }
        return published.stream().filter(m -> !unclaimable.contains(m.measure())).toList();
    }

    /** As task-local JSON variables, which Tasklist hands to the form as lists and contexts. */
    Map<String, Object> variables() {
        return Map.of(CLAIMABLE_MEASURES, json(claimableMeasures), ClaimFormDefinition.FIELD_MEASURES,
                json(claimFieldMeasures), MEASURE_TEXTS, json(claimMeasureTexts));
    }

    private static Object json(Object value) {
        try {
            return Spin.JSON(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
