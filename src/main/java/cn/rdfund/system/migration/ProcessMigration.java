package cn.rdfund.system.migration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running instances of a process from its older versions to a newer one with Camunda's migration API: every
 * activity both versions have under the same id keeps its instance (open tasks with their assignees and due dates,
 * timers, pending jobs, variables); an activity whose id changed is mapped by the process's {@link Rules}. An instance
 * inside an activity its rules say finishes on its version is left where it is; once it has moved on, running the
 * migration again takes it along. Run by an operator ({@link ProcessMigrationRunner}, docs/operations.md).
 */
@Component
public class ProcessMigration {

    /**
     * What a process's migration needs: its key, its name in words (for the log), the switch that runs it at start
     * ({@code rdfund.migration.<switchName>=true}), activities a newer version renamed (old id → new id, applied between
     * versions that have both), activities that cannot move, and what to do with the instances once moved (e.g. refresh
     * the display variables of their open tasks, which the new version's forms read).
     */
    public record Rules(String processKey, String name, String switchName, Map<String, String> renamed,
            Set<String> finishesOnItsVersion, Consumer<List<String>> afterMigration) {
    }

    /** What one run did for one source version: the instances moved and those left on it. */
    public record Outcome(String sourceDefinitionId, String targetDefinitionId, List<String> migrated,
            List<String> left) {
    }

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    ProcessMigration(RuntimeService runtimeService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    /** Every running instance of an older version to the newest version. */
    public List<Outcome> migrateAllToNewest(Rules rules) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(rules.processKey())
                .latestVersion().list().stream().findFirst().map(newest -> migrateAllTo(rules, newest.getId()))
                .orElse(List.of());
    }

    /** Every running instance of every other version to the target version, oldest first. */
    public List<Outcome> migrateAllTo(Rules rules, String targetDefinitionId) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(rules.processKey())
                .orderByProcessDefinitionVersion().asc().list().stream().map(ProcessDefinition::getId)
                .filter(source -> !source.equals(targetDefinitionId))
                .filter(source -> runtimeService.createProcessInstanceQuery().processDefinitionId(source).count() > 0)
                .map(source -> migrate(rules, source, targetDefinitionId)).toList();
    }

    /** The running instances of the source version that can move, in one transaction: all of them or none. */
    @Transactional
    public Outcome migrate(Rules rules, String sourceDefinitionId, String targetDefinitionId) {
        Set<String> running = ids(runtimeService.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId)
                .list());
        Set<String> staying = rules.finishesOnItsVersion().isEmpty() ? Set.of()
                : ids(runtimeService.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId)
                        .activityIdIn(rules.finishesOnItsVersion().toArray(String[]::new)).list());
        List<String> moving = running.stream().filter(id -> !staying.contains(id)).sorted().toList();
        if (!moving.isEmpty()) {
            runtimeService.newMigration(plan(rules, sourceDefinitionId, targetDefinitionId))
                    .processInstanceIds(moving).execute();
            rules.afterMigration().accept(moving);
        }
        return new Outcome(sourceDefinitionId, targetDefinitionId, moving, staying.stream().sorted().toList());
    }

    MigrationPlan plan(Rules rules, String sourceDefinitionId, String targetDefinitionId) {
        MigrationPlanBuilder builder = runtimeService.createMigrationPlan(sourceDefinitionId, targetDefinitionId)
                .mapEqualActivities();
        Set<String> source = activityIds(sourceDefinitionId);
        Set<String> target = activityIds(targetDefinitionId);
        rules.renamed().forEach((from, to) -> {
            if (source.contains(from) && target.contains(to)) {
                builder.mapActivities(from, to);
            }
        });
        return builder.build();
    }

    private Set<String> activityIds(String definitionId) {
        return repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<ProcessInstance> instances) {
        return instances.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
