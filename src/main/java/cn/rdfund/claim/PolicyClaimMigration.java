package cn.rdfund.claim;

import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.system.migration.ProcessMigration;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How running claims move to a newer PolicyClaim.bpmn ({@link ProcessMigration}, switch
 * {@code rdfund.migration.policy-claim}; docs/operations.md). A claim waiting at 填写申领 then shows the newer claim
 * form (its tasks read the form of their process version's deployment), so its display variables, which the task
 * got when it was created, are set again from the catalogue: a condition field the newer form asks must be shown.
 */
@Configuration
class PolicyClaimMigration {

    /**
     * Steps that were a job of their own before 2026-12-07 and now run in the step before them: Camunda cannot move a
     * claim waiting at such a job (the target step is not asynchronous); it stays until it has passed that step.
     */
    static final Set<String> FINISHES_ON_ITS_VERSION = Set.of("ServiceTask_OpenAward", "ServiceTask_CompleteClaim");

    @Bean
    ProcessMigration.Rules policyClaimMigrationRules(TaskService tasks, MeasureCatalogue catalogue) {
        return new ProcessMigration.Rules(PolicyClaimProcess.KEY, "政策兑现申领", "policy-claim", Map.of(),
                FINISHES_ON_ITS_VERSION,
                migrated -> tasks.createTaskQuery().processInstanceIdIn(migrated.toArray(String[]::new))
                        .taskDefinitionKey(PolicyClaimProcess.TASK_SUBMIT).list()
                        .forEach(task -> tasks.setVariablesLocal(task.getId(), ClaimDelegates.claimFormShown(catalogue))));
    }
}
