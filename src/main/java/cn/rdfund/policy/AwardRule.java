package cn.rdfund.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The row of an award table that a claim matched, and which deployed version of the table it came from.
 * Amounts in yuan; at most one of fixed, per-unit and rate is set, committee means 一事一议.
 */
public record AwardRule(String decisionId, int decisionVersion, String policyVersion, boolean eligible, String basis,
        BigDecimal fixedYuan, BigDecimal perUnitYuan, Integer ratePercent, BigDecimal capYuan, boolean committee) {

    static AwardRule of(Map<String, Object> row, DecisionTables.Version version) {
        return new AwardRule(version.id(), version.version(), (String) row.get("policyVersion"),
                Boolean.TRUE.equals(row.get("eligible")), (String) row.get("basis"), yuan(row.get("fixedYuan")),
                yuan(row.get("perUnitYuan")), row.get("ratePercent") instanceof Number n ? n.intValue() : null,
                yuan(row.get("capYuan")), Boolean.TRUE.equals(row.get("committee")));
    }

    private static BigDecimal yuan(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()).setScale(2) : null;
    }
}
