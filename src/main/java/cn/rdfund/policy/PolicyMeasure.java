package cn.rdfund.policy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A measure of the policy as one version of decision table PolicyMeasures (bpmn/policy/PolicyMeasures.dmn)
 * describes it: its name, the window in which that version applies, the table that computes its amount,
 * who leads it and who is consulted, and its rule in words for claimants.
 */
public record PolicyMeasure(String measure, String name, String policyVersion, LocalDate validFrom, LocalDate validTo,
        String awardTable, LeadUnit leadUnit, List<LeadUnit> coUnits, String recipient, String ruleText,
        String catalogueDecisionId) {

    static PolicyMeasure of(Map<String, ?> row, DecisionTables.Version version) {
        String coUnits = (String) row.get("coUnits");
        return new PolicyMeasure((String) row.get("measure"), (String) row.get("measureName"),
                (String) row.get("policyVersion"), LocalDate.parse((String) row.get("validFrom")),
                LocalDate.parse((String) row.get("validTo")), (String) row.get("awardTable"),
                LeadUnit.valueOf((String) row.get("leadUnit")),
                coUnits == null || coUnits.isBlank() ? List.of()
                        : Arrays.stream(coUnits.split(",")).map(String::strip).map(LeadUnit::valueOf).toList(),
                (String) row.get("recipient"), (String) row.get("ruleText"), version.id());
    }

    /** One line for a list: "P4.3 高新技术企业后补助（市科技局）2024版，2024-08-30至2025-12-31". */
    public String line() {
        return measure + " " + name + "（" + leadUnit.displayName() + "）" + policyVersion + "版，" + validFrom + "至" + validTo;
    }

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
