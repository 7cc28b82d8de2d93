package cn.rdfund.policy;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads decision table FundingCaps (bpmn/policy/FundingCaps.dmn). */
@Component
public class FundingCapsTable {

    static final String KEY = "FundingCaps";

    private final DecisionTables tables;

    FundingCapsTable(DecisionTables tables) {
        this.tables = tables;
    }

    public FundingCaps capsFor(String measure) {
        Map<String, Object> row = tables.singleRow(KEY, measure);
        return new FundingCaps(yuan(row.get("perProjectYuan")), yuan(row.get("perEnterpriseYuan")),
                (String) row.get("enterpriseCapGroup"));
    }

    /** Whether projects of that measure count towards the given enterprise-cap group (no rule: they do not). */
    public boolean sharesEnterpriseCap(String measure, String group) {
        return group != null && tables.optionalSingleRow(KEY, measure)
                .map(row -> group.equals(row.get("enterpriseCapGroup"))).orElse(false);
    }

    private static BigDecimal yuan(Object value) {
        return BigDecimal.valueOf(((Number) value).longValue()).setScale(2);
    }
}
