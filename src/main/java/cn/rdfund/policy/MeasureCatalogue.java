package cn.rdfund.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The measures of the policy by version. Each deployed version of PolicyMeasures is a complete list for the
 * windows it covers: on a date, the newest version with a rule for that date decides which measures are in
 * force (a measure it leaves out has ended), and older versions still answer for dates no newer version
 * covers. A rule's window is its input entry on 参照日期; a rule whose window cannot be read, disagrees with its
 * validFrom / validTo outputs or names an unknown unit is left out and logged, so one bad rule never stops
 * every claim. Reads the tables as written: looking a measure up writes nothing to the decision history.
 */
@Component
public class MeasureCatalogue {

    static final String KEY = "PolicyMeasures";

    private static final Logger log = LoggerFactory.getLogger(MeasureCatalogue.class);
    private static final Pattern WINDOW = Pattern.compile(
            "\\[\\s*date\\(\"(\\d{4}-\\d{2}-\\d{2})\"\\)\\s*\\.\\.\\s*date\\(\"(\\d{4}-\\d{2}-\\d{2})\"\\)\\s*]");

    private final DecisionTables tables;

    MeasureCatalogue(DecisionTables tables) {
        this.tables = tables;
    }

    public List<PolicyMeasure> inForceOn(LocalDate date) {
        for (DecisionTables.Version version : tables.versionsNewestFirst(KEY)) {
            List<PolicyMeasure> inForce = measuresOf(version).stream().filter(m -> m.appliesOn(date)).toList();
            if (!inForce.isEmpty()) {
                return inForce.stream().sorted(Comparator.comparing(PolicyMeasure::measure)).toList();
            }
        }
        return List.of();
    }

    /** The measure as the version in force on that date defines it; empty outside every window. */
    public Optional<PolicyMeasure> inForce(String measure, LocalDate date) {
        return inForceOn(date).stream().filter(m -> m.measure().equals(measure)).findFirst();
    }

    /**
     * The facts a claim for the measure carries: as the version in force on the date defines them, else (no date, or
     * a date outside every window, which the claim's check refuses anyway) as the newest published version does.
     */
    public ClaimFields claimFields(String measure, LocalDate date) {
        Optional<PolicyMeasure> defined = date == null ? Optional.empty() : inForce(measure, date);
        return defined.or(() -> published().stream().filter(m -> m.measure().equals(measure))
                        .max(Comparator.comparing(PolicyMeasure::validFrom)))
                .map(PolicyMeasure::claimFields).orElse(ClaimFields.NONE);
    }

    /** The measure as exactly that catalogue version defines it for that date (a claim keeps the version it was filed under). */
    public Optional<PolicyMeasure> asDefinedBy(String catalogueDecisionId, String measure, LocalDate date) {
        return tables.version(catalogueDecisionId).stream().flatMap(version -> measuresOf(version).stream())
                .filter(m -> m.measure().equals(measure) && m.appliesOn(date)).findFirst();
    }

    /**
     * Every measure an applicant may claim for some date: the newest version's rules, and an older version's rules
     * whose window has days no newer version covers; the newest windows first.
     */
    public List<PolicyMeasure> published() {
        List<PolicyMeasure> published = new ArrayList<>();
        List<PolicyMeasure> newer = new ArrayList<>();
        for (DecisionTables.Version version : tables.versionsNewestFirst(KEY)) {
            List<PolicyMeasure> measures = measuresOf(version);
            measures.stream().filter(m -> !coveredBy(newer, m)).forEach(published::add);
            newer.addAll(measures);
        }
        return published.stream().sorted(Comparator.comparing(PolicyMeasure::validFrom).reversed()
                .thenComparing(PolicyMeasure::measure)).toList();
    }

    /** Whether newer versions have rules for every day of the measure's window (so none of its dates is left to it). */
    private static boolean coveredBy(List<PolicyMeasure> newer, PolicyMeasure measure) {
        LocalDate uncovered = measure.validFrom();
        for (PolicyMeasure window : newer.stream().sorted(Comparator.comparing(PolicyMeasure::validFrom)).toList()) {
            if (window.validFrom().isAfter(uncovered)) {
                break;
            }
            if (!window.validTo().isBefore(uncovered)) {
                uncovered = window.validTo().plusDays(1);
            }
        }
        return uncovered.isAfter(measure.validTo());
    }

    private List<PolicyMeasure> measuresOf(DecisionTables.Version version) {
        List<PolicyMeasure> measures = new ArrayList<>();
        for (DecisionTables.WrittenRule rule : tables.writtenRules(version)) {
            try {
                measures.add(measure(rule, version));
            } catch (RuntimeException e) {
                log.warn("政策措施目录 {} 的规则 {} 无法读取，已忽略：{}", version.id(), rule.outputs().get("measure"), e.getMessage());
            }
        }
        return measures;
    }

    private static PolicyMeasure measure(DecisionTables.WrittenRule rule, DecisionTables.Version version) {
        Matcher window = WINDOW.matcher(rule.inputEntries().isEmpty() ? "" : rule.inputEntries().get(0));
        if (!window.matches()) {
            throw new IllegalArgumentException("参照日期条件应为 [date(\"起\")..date(\"止\")]");
        }
        LocalDate from = LocalDate.parse(window.group(1));
        LocalDate to = LocalDate.parse(window.group(2));
        if (!from.toString().equals(rule.outputs().get("validFrom")) || !to.toString().equals(rule.outputs().get("validTo"))) {
            throw new IllegalArgumentException("validFrom/validTo 与参照日期条件不一致");
        }
        return PolicyMeasure.of(rule.outputs(), from, to, version.id());
    }
}
