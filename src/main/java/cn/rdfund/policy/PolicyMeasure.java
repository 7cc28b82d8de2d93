package cn.rdfund.policy;

import cn.rdfund.bureau.LeadUnit;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A measure of the policy as one version of decision table PolicyMeasures (bpmn/policy/PolicyMeasures.dmn)
 * describes it: its name, the window in which that version applies, the table that computes its amount,
 * who leads it and who is consulted, its rule in words for claimants and which facts its claim form asks for.
 */
public record PolicyMeasure(String measure, String name, String policyVersion, LocalDate validFrom, LocalDate validTo,
        String awardTable, LeadUnit leadUnit, List<LeadUnit> coUnits, String recipient, String ruleText,
        ClaimFields claimFields, String catalogueDecisionId) {

    /**
     * A catalogue rule's outputs in a window; unknown units or claim fields, or missing names, fail (the rule is then
     * left out). A catalogue without claimFields asks for no facts beyond the common ones.
     */
    static PolicyMeasure of(Map<String, String> row, LocalDate validFrom, LocalDate validTo, String catalogueDecisionId) {
        String coUnits = row.get("coUnits");
        return new PolicyMeasure(required(row, "measure"), required(row, "measureName"), required(row, "policyVersion"),
                validFrom, validTo, required(row, "awardTable"), LeadUnit.valueOf(required(row, "leadUnit")),
                coUnits == null || coUnits.isBlank() ? List.of()
                        : Arrays.stream(coUnits.split(",")).map(String::strip).map(LeadUnit::valueOf).toList(),
                row.get("recipient"), required(row, "ruleText"), ClaimFields.parse(row.get("claimFields")),
                catalogueDecisionId);
    }

    private static String required(Map<String, String> row, String name) {
        String value = row.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("缺少输出 " + name);
        }
        return value;
    }

    /** One line for a list: "P4.3 高新技术企业后补助（市科技局）2024版，2024-08-30至2025-12-31". */
    public String line() {
        return measure + " " + name + "（" + leadUnit.displayName() + "）" + policyVersion + "版，" + validFrom + "至" + validTo;
    }

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
