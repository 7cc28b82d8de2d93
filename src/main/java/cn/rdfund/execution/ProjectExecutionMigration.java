package cn.rdfund.execution;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * Moves running project lifecycles from an older version of ProjectExecution.bpmn to a newer one with Camunda's
 * migration API: every activity both versions have under the same id keeps its instance (open tasks with their
 * assignees and due dates, timers, pending jobs, variables); an activity whose id changed is mapped in
 * {@link #RENAMED}. An instance that is inside an activity of {@link #FINISHES_ON_ITS_VERSION} is left where it
 * is; once it has moved on, running the migration again takes it along. Run by an operator (docs/operations.md).
 */
@Component
public class ProjectExecutionMigration {

    /**
     * Activities a newer version gives another id: old id → new id. Applied when the source has the old and the
     * target the new one, so one list serves every pair of versions. (If a version also changes what the instances
     * keep in variables, set them in {@link #plan} with {@code MigrationPlanBuilder.setVariables}.)
     */
    static final Map<String, String> RENAMED = Map.of();

    /**
     * Activities with no counterpart in the newer versions: the single instalment calls of the versions before
     * instalments came from the schedule table (a call activity cannot move into a multi-instance one). Finance
     * finishes the payment on the old version; the instance then waits at 中期检查 or 提交验收材料, which migrate.
     */
    static final Set<String> FINISHES_ON_ITS_VERSION = Set.of("CallActivity_FirstInstalment",
            "CallActivity_SecondInstalment", "CallActivity_FinalInstalment");

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    ProjectExecutionMigration(RuntimeService runtimeService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    /** What one run did for one source version: the instances moved and those left on it. */
    public record Outcome(String sourceDefinitionId, String targetDefinitionId, List<String> migrated,
            List<String> left) {
    }

    /** Every running instance of an older version to the newest version. */
    public List<Outcome> migrateAllToNewest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProjectExecutionProcess.KEY)
                .latestVersion().list().stream().findFirst().map(newest -> migrateAllTo(newest.getId()))
                .orElse(List.of());
    }

    /** Every running instance of every other version of ProjectExecution to the target version, oldest first. */
    public List<Outcome> migrateAllTo(String targetDefinitionId) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProjectExecutionProcess.KEY)
                .orderByProcessDefinitionVersion().asc().list().stream().map(ProcessDefinition::getId)
                .filter(source -> !source.equals(targetDefinitionId))
                .filter(source -> runtimeService.createProcessInstanceQuery().processDefinitionId(source).count() > 0)
                .map(source -> migrate(source, targetDefinitionId)).toList();
    }

    /** The running instances of the source version that can move, in one transaction: all of them or none. */
    public Outcome migrate(String sourceDefinitionId, String targetDefinitionId) {
        Set<String> running = ids(runtimeService.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId)
                .list());
        Set<String> staying = FINISHES_ON_ITS_VERSION.isEmpty() ? Set.of()
                : ids(runtimeService.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId)
                        .activityIdIn(FINISHES_ON_ITS_VERSION.toArray(String[]::new)).list());
        List<String> moving = running.stream().filter(id -> !staying.contains(id)).sorted().toList();
        if (!moving.isEmpty()) {
            runtimeService.newMigration(plan(sourceDefinitionId, targetDefinitionId)).processInstanceIds(moving)
                    .execute();
        }
        return new Outcome(sourceDefinitionId, targetDefinitionId, moving, staying.stream().sorted().toList());
    }

    MigrationPlan plan(String sourceDefinitionId, String targetDefinitionId) {
        MigrationPlanBuilder builder = runtimeService.createMigrationPlan(sourceDefinitionId, targetDefinitionId)
                .mapEqualActivities();
        Set<String> source = activityIds(sourceDefinitionId);
        Set<String> target = activityIds(targetDefinitionId);
        RENAMED.forEach((from, to) -> {
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
