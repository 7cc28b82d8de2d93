package cn.rdfund.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The measures in force on a date. Each deployed version of PolicyMeasures lists the measures of one or more
 * policy versions with their windows; for each measure the newest deployed version that has a row for the
 * date wins, so that a new year's table added beside the old one takes over from its first day without
 * changing how claims about earlier dates are judged.
 */
@Component
public class MeasureCatalogue {

    static final String KEY = "PolicyMeasures";

    private final DecisionTables tables;

    MeasureCatalogue(DecisionTables tables) {
        this.tables = tables;
    }

    public List<PolicyMeasure> inForceOn(LocalDate date) {
        Map<String, PolicyMeasure> measures = new LinkedHashMap<>();
        for (DecisionTables.Version version : tables.versionsNewestFirst(KEY)) {
            for (Map<String, Object> row : tables.evaluate(version, Map.of("referenceDate", date))) {
                PolicyMeasure measure = PolicyMeasure.of(row, version);
                measures.putIfAbsent(measure.measure(), measure);
            }
        }
        return measures.values().stream().sorted(Comparator.comparing(PolicyMeasure::measure)).toList();
    }

    /**
     * Every measure of every policy version deployed, the newest version of the catalogue first: what an applicant
     * may claim for an event on a date inside one of the windows.
     */
    public List<PolicyMeasure> published() {
        Map<String, PolicyMeasure> measures = new LinkedHashMap<>();
        for (DecisionTables.Version version : tables.versionsNewestFirst(KEY)) {
            for (Map<String, String> row : tables.ruleOutputs(version)) {
                PolicyMeasure measure = PolicyMeasure.of(row, version);
                measures.putIfAbsent(measure.measure() + "@" + measure.validFrom(), measure);
            }
        }
        return measures.values().stream().sorted(Comparator.comparing(PolicyMeasure::validFrom).reversed()
                .thenComparing(PolicyMeasure::measure)).toList();
    }

    /** The measure as the version in force on that date defines it; empty outside every window. */
    public Optional<PolicyMeasure> inForce(String measure, LocalDate date) {
        return inForceOn(date).stream().filter(m -> m.measure().equals(measure)).findFirst();
    }
}
