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
        return new FundingCaps(yuan(row.get("perProjectYuan")), yuan(row.get("perEnterpriseYuan")));
    }

    private static BigDecimal yuan(Object value) {
        return BigDecimal.valueOf(((Number) value).longValue()).setScale(2);
    }
}
