package cn.rdfund.execution;

import cn.rdfund.system.migration.ProcessMigration;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How running project lifecycles move from an older version of ProjectExecution.bpmn to a newer one
 * ({@link ProcessMigration}, switch {@code rdfund.migration.project-execution}; docs/operations.md).
 */
@Configuration
public class ProjectExecutionMigration {

    /**
     * Activities a newer version gives another id: old id → new id. Applied when the source has the old and the
     * target the new one, so one list serves every pair of versions. (If a version also changes what the instances
     * keep in variables, set them in ProcessMigration's plan with {@code MigrationPlanBuilder.setVariables}.)
     */
    static final Map<String, String> RENAMED = Map.of();

    /**
     * Activities with no counterpart in the newer versions: the single instalment calls of the versions before
     * instalments came from the schedule table (a call activity cannot move into a multi-instance one). Finance
     * finishes the payment on the old version; the instance then waits at 中期检查 or 提交验收材料, which migrate.
     */
    static final Set<String> FINISHES_ON_ITS_VERSION = Set.of("CallActivity_FirstInstalment",
            "CallActivity_SecondInstalment", "CallActivity_FinalInstalment");

    public static final ProcessMigration.Rules RULES = new ProcessMigration.Rules(ProjectExecutionProcess.KEY,
            "项目实施流程", "project-execution", RENAMED, FINISHES_ON_ITS_VERSION, migrated -> { });

    @Bean
    ProcessMigration.Rules projectExecutionMigrationRules() {
        return RULES;
    }
}
