package cn.rdfund.execution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With rdfund.migration.project-execution=true, moves the running project lifecycles to the newest model version
 * once the application has deployed it, and logs what moved and what stays (docs/operations.md).
 */
@Component
@ConditionalOnProperty(name = "rdfund.migration.project-execution", havingValue = "true")
class ProjectExecutionMigrationRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectExecutionMigrationRunner.class);

    private final ProjectExecutionMigration migration;

    ProjectExecutionMigrationRunner(ProjectExecutionMigration migration) {
        this.migration = migration;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ProjectExecutionMigration.Outcome outcome : migration.migrateAllToNewest()) {
            log.info("项目实施流程迁移：{} → {}，已迁移{}个实例{}，留在原版本{}个（拨付办理中，办完后再次迁移）{}",
                    outcome.sourceDefinitionId(), outcome.targetDefinitionId(), outcome.migrated().size(),
                    outcome.migrated(), outcome.left().size(), outcome.left());
        }
    }
}
