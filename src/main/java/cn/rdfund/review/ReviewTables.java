package cn.rdfund.review;

import cn.rdfund.policy.DecisionTables;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads decision tables ReviewCriteria and ReviewSettings (bpmn/review/). */
@Component
public class ReviewTables {

    static final String CRITERIA = "ReviewCriteria";
    static final String SETTINGS = "ReviewSettings";

    private final DecisionTables tables;

    ReviewTables(DecisionTables tables) {
        this.tables = tables;
    }

    public List<ReviewCriterion> criteriaFor(String measure) {
        return tables.rows(CRITERIA, measure).stream()
                .map(row -> new ReviewCriterion((String) row.get("key"), (String) row.get("name"),
                        number(row, "weightPercent")))
                .toList();
    }

    public ReviewSettings settingsFor(String measure) {
        Map<String, Object> row = tables.singleRow(SETTINGS, measure);
        return new ReviewSettings(number(row, "panelSize"), number(row, "minimumPanelSize"), number(row, "trimFrom"),
                BigDecimal.valueOf(number(row, "spreadLimit")), BigDecimal.valueOf(number(row, "passScore")));
    }

    private static int number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }
}
