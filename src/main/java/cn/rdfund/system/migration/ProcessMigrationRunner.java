package cn.rdfund.system.migration;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start, once the application has deployed the newest models: for each process whose switch is on
 * ({@code rdfund.migration.project-execution=true}, {@code rdfund.migration.policy-claim=true}), moves its running
 * instances to the newest version and logs what moved and what stays (docs/operations.md).
 */
@Component
class ProcessMigrationRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrationRunner.class);

    private final ProcessMigration migration;
    private final List<ProcessMigration.Rules> processes;
    private final Environment environment;

    ProcessMigrationRunner(ProcessMigration migration, List<ProcessMigration.Rules> processes, Environment environment) {
        this.migration = migration;
        this.processes = processes;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ProcessMigration.Rules rules : processes) {
            if (!environment.getProperty("rdfund.migration." + rules.switchName(), Boolean.class, false)) {
                continue;
            }
            for (ProcessMigration.Outcome outcome : migration.migrateAllToNewest(rules)) {
                log.info("{}迁移：{} → {}，已迁移{}个实例{}，留在原版本{}个（办完当前步骤后再次迁移）{}", rules.name(),
                        outcome.sourceDefinitionId(), outcome.targetDefinitionId(), outcome.migrated().size(),
                        outcome.migrated(), outcome.left().size(), outcome.left());
            }
        }
    }
}
