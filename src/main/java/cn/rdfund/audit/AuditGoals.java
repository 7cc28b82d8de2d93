package cn.rdfund.audit;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 2025 work goals (工作目标) of the policy (seed 001, section 二) the dashboard measures progress against:
 * each counts the projects of some measures in some states (or the enterprises holding them) against a target.
 * Configuration, not code: rdfund.audit.goals in application.yaml.
 */
@ConfigurationProperties("rdfund.audit")
record AuditGoals(List<Goal> goals) {

    AuditGoals {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** {@code target} is the number the goal asks for at least; {@code published} is how the policy says it. */
    record Goal(String name, int target, String published, Set<String> measures, Set<String> statuses,
            boolean countEnterprises) {
    }
}
