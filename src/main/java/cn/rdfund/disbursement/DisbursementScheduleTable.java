package cn.rdfund.disbursement;

import cn.rdfund.policy.DecisionTables;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads decision table DisbursementSchedule (bpmn/disbursement/DisbursementSchedule.dmn). */
@Component
public class DisbursementScheduleTable {

    static final String KEY = "DisbursementSchedule";

    private final DecisionTables tables;

    DisbursementScheduleTable(DecisionTables tables) {
        this.tables = tables;
    }

    public List<InstalmentShare> scheduleFor(String measure) {
        return tables.rows(KEY, measure).stream()
                .map(row -> new InstalmentShare(((Number) row.get("seq")).intValue(),
                        ((Number) row.get("percent")).intValue(), (String) row.get("releasedBy")))
                .toList();
    }
}
