package cn.rdfund.policy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the policy's decision tables (bpmn/**.dmn, latest deployed version) for one measure and
 * returns their matched rows. The only place that calls Camunda's decision service.
 */
@Component
public class DecisionTables {

    private final DecisionService decisionService;
    private final IdentityService identityService;

    DecisionTables(DecisionService decisionService, IdentityService identityService) {
        this.decisionService = decisionService;
        this.identityService = identityService;
    }

    /**
     * Every matched row; at least one, or the table has no rule for that measure. Evaluated as the
     * system, not as the user whose request triggered it: applying the policy is not a user's action,
     * and a manager completing a form must not need the right to run decision tables.
     */
    public List<Map<String, Object>> rows(String decisionKey, String measure) {
        Authentication caller = identityService.getCurrentAuthentication();
        List<Map<String, Object>> rows;
        try {
            identityService.clearAuthentication();
            rows = decisionService.evaluateDecisionByKey(decisionKey)
                    .variables(Variables.putValue("measure", measure))
                    .evaluate()
                    .getResultList();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("决策表 " + decisionKey + " 没有适用于措施 " + measure + " 的规则");
        }
        return rows;
    }

    public Map<String, Object> singleRow(String decisionKey, String measure) {
        List<Map<String, Object>> rows = rows(decisionKey, measure);
        if (rows.size() != 1) {
            throw new IllegalStateException("决策表 " + decisionKey + " 对措施 " + measure + " 命中" + rows.size() + "条规则");
        }
        return rows.get(0);
    }
}
