package cn.rdfund.challenge;

import cn.rdfund.policy.DecisionTables;
import org.springframework.stereotype.Component;

/** Reads decision table ChallengeSupportRatio (bpmn/challenge/ChallengeSupportRatio.dmn). */
@Component
public class ChallengeSupportTable {

    static final String KEY = "ChallengeSupportRatio";

    private final DecisionTables tables;

    ChallengeSupportTable(DecisionTables tables) {
        this.tables = tables;
    }

    /** The share of what the 发榜方 actually paid that the city supports, in whole percent. */
    public int ratioPercentFor(String measure) {
        return ((Number) tables.singleRow(KEY, measure).get("ratioPercent")).intValue();
    }
}
