package cn.rdfund.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Judges a claim by the award table of its measure: the newest deployed version of the table that has a row for
 * the claim's reference date and measure (every rule carries its policy version's window, and every measure ends
 * with a catch-all row, so "no row" means "no version in force on that date"). A claim records the version that
 * first judged it and is judged by that version to the end ({@link #judgeBy}).
 */
@Component
public class AwardTables {

    private final DecisionTables tables;

    AwardTables(DecisionTables tables) {
        this.tables = tables;
    }

    public Optional<AwardRule> judge(PolicyMeasure measure, ClaimFacts facts) {
        return judge(measure, facts, tables::evaluate);
    }

    /**
     * The claim's judgement, evaluated once per transaction: its submission is checked and registered in one
     * transaction, and the claim's decision history holds the judgement once.
     */
    public Optional<AwardRule> judgeClaim(String processInstanceId, PolicyMeasure measure, ClaimFacts facts) {
        return judge(measure, facts, (version, variables) -> tables.evaluateForCase(processInstanceId, version,
                variables));
    }

    private Optional<AwardRule> judge(PolicyMeasure measure, ClaimFacts facts,
            BiFunction<DecisionTables.Version, Map<String, Object>, List<Map<String, Object>>> evaluate) {
        Map<String, Object> variables = facts.variables(measure.measure());
        for (DecisionTables.Version version : tables.versionsNewestFirst(measure.awardTable())) {
            List<Map<String, Object>> rows = evaluate.apply(version, variables);
            if (!rows.isEmpty()) {
                return Optional.of(AwardRule.of(rows.get(0), version));
            }
        }
        return Optional.empty();
    }

    /** The name in words of the table a claim was judged by (e.g. 企业升级与梯队奖励), for people to read. */
    public Optional<String> nameOf(String decisionId) {
        return tables.version(decisionId).map(DecisionTables.Version::name);
    }

    /** The claim judged by exactly the version it was filed under, whatever was deployed since. */
    public Optional<AwardRule> judgeBy(String decisionId, String measure, ClaimFacts facts) {
        return tables.version(decisionId).flatMap(version -> tables.evaluate(version, facts.variables(measure))
                .stream().findFirst().map(row -> AwardRule.of(row, version)));
    }
}
