package cn.rdfund.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the policy's decision tables (bpmn/**.dmn, latest deployed version) for one measure and
 * returns their matched rows. The only place that calls Camunda's decision service. Tables are
 * evaluated as the system, not as the user whose request triggered it: applying the policy is not a
 * user's action, and a manager completing a form must not need the right to run decision tables.
 */
@Component
public class DecisionTables {

    private final DecisionService decisionService;
    private final IdentityService identityService;

    DecisionTables(DecisionService decisionService, IdentityService identityService) {
        this.decisionService = decisionService;
        this.identityService = identityService;
    }

    /** Every matched row; at least one, or the table has no rule for that measure. */
    public List<Map<String, Object>> rows(String decisionKey, String measure) {
        List<Map<String, Object>> rows = evaluate(decisionKey, measure);
        if (rows.isEmpty()) {
            throw new IllegalStateException("决策表 " + decisionKey + " 没有适用于措施 " + measure + " 的规则");
        }
        return rows;
    }

    public Map<String, Object> singleRow(String decisionKey, String measure) {
        return single(decisionKey, measure, rows(decisionKey, measure));
    }

    /** The one matched row, or empty when the table has no rule for that measure. */
    public Optional<Map<String, Object>> optionalSingleRow(String decisionKey, String measure) {
        List<Map<String, Object>> rows = evaluate(decisionKey, measure);
        return rows.isEmpty() ? Optional.empty() : Optional.of(single(decisionKey, measure, rows));
    }

    private static Map<String, Object> single(String decisionKey, String measure, List<Map<String, Object>> rows) {
        if (rows.size() != 1) {
            throw new IllegalStateException("决策表 " + decisionKey + " 对措施 " + measure + " 命中" + rows.size() + "条规则");
        }
        return rows.get(0);
    }

    private List<Map<String, Object>> evaluate(String decisionKey, String measure) {
        Authentication caller = identityService.getCurrentAuthentication();
        try {
            identityService.clearAuthentication();
            return decisionService.evaluateDecisionByKey(decisionKey)
                    .variables(Variables.putValue("measure", measure))
                    .evaluate()
                    .getResultList();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
