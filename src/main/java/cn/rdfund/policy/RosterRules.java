package cn.rdfund.policy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether one person on a roster counts for a measure paid per person (P6.3's graduates), by the decision table
 * bpmn/policy/RosterEligibility.dmn: the conditions and their thresholds are the table's rows, not code here.
 */
@Component
public class RosterRules {

    static final String DECISION = "RosterEligibility";

    /** What the table reads of one person. */
    public record Person(int contractMonths, int insuranceMonths, boolean joinedAfterGraduation) {
    }

    /** The table's answer: counts, or why not; {@code judged} false when no rule covers the measure on that date. */
    public record Verdict(boolean judged, boolean counts, String reason) {
    }

    private final DecisionTables tables;

    RosterRules(DecisionTables tables) {
        this.tables = tables;
    }

    /**
     * A judge for one roster: people with the same facts are judged once (a roster of hundreds asks the table a few
     * times, and its decision history stays small).
     */
    public Judge judge(String measure, LocalDate referenceDate) {
        Map<Person, Verdict> judged = new HashMap<>();
        return person -> judged.computeIfAbsent(person, p -> verdict(measure, referenceDate, p));
    }

    @FunctionalInterface
    public interface Judge {
        Verdict of(Person person);
    }

    private Verdict verdict(String measure, LocalDate referenceDate, Person person) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("referenceDate", referenceDate);
        inputs.put("measure", measure);
        inputs.put("contractMonths", person.contractMonths());
        inputs.put("insuranceMonths", person.insuranceMonths());
        inputs.put("joinedAfterGraduation", person.joinedAfterGraduation());
        List<Map<String, Object>> rows = tables.evaluateLatest(DECISION, inputs);
        if (rows.isEmpty()) {
            return new Verdict(false, false, "名册核验规则不适用于措施" + measure + "（参照日期" + referenceDate + "）");
        }
        Map<String, Object> row = rows.get(0);
        return new Verdict(true, Boolean.TRUE.equals(row.get("counts")),
                Optional.ofNullable((String) row.get("reason")).orElse(""));
    }
}
