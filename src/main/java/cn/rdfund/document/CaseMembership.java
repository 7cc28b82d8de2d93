package cn.rdfund.document;

import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.Groups;
import cn.rdfund.system.tasks.AsSystem;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the engine knows about a user and a case (the root process instance of a task): whether they may work a task
 * now, and how much of the case they may read. Engine-specific, through the engine's public API.
 */
@Component
class CaseMembership {

    private static final Set<String> READ_EVERY_CASE = Set.of(Groups.AUDITORS, Groups.FINANCE, Groups.ADMINS,
            Groups.CAMUNDA_ADMIN);

    /**
     * How much of a case a user reads: all of its documents, or only theirs: those they uploaded and those uploaded on
     * the case's tasks they worked on or were offered ({@code ownTasks}).
     */
    record Readership(boolean wholeCase, Set<String> ownTasks) {

        static final Readership WHOLE_CASE = new Readership(true, Set.of());
        static final Readership NONE = new Readership(false, Set.of());

        boolean reads(CaseDocument document, String userId) {
            return wholeCase || document.uploadedBy().equals(userId) || ownTasks.contains(document.taskId());
        }

        /** Neither the case nor any of its tasks: only what the user uploaded themselves, if anything. */
        boolean outsider() {
            return !wholeCase && ownTasks.isEmpty();
        }
    }

    /**
     * {@code attachable}: false on an expert panel's tasks (DocumentSettings.sealedProcesses); {@code process} and
     * {@code taskKey}: the task's process and its id in the model.
     */
    record WorkedTask(String taskId, String taskName, String caseId, boolean attachable, String process,
            String taskKey) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final RepositoryService repository;
    private final DocumentSettings settings;

    CaseMembership(TaskService tasks, RuntimeService runtime, HistoryService history, IdentityService identity,
            RepositoryService repository, DocumentSettings settings) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.repository = repository;
        this.settings = settings;
    }

    /**
     * The task, if it is waiting and this user may work it: assigned to them, or unassigned and offered to them or
     * one of their groups. Empty otherwise, so that nobody learns of a task that is not theirs.
     */
    Optional<WorkedTask> workable(String taskId, CamundaUser user) {
        return AsSystem.call(identity, () -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || task.getProcessInstanceId() == null || !mayWork(task, user)) {
                return Optional.empty();
            }
            String caseId = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                    .singleResult().getRootProcessInstanceId();
            String process = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            return Optional.of(new WorkedTask(task.getId(), task.getName(), caseId,
                    !settings.sealedProcesses().contains(process), process, task.getTaskDefinitionKey()));
        });
    }

    /** The case a process instance belongs to: its root process instance. */
    String caseOf(String processInstanceId) {
        return AsSystem.call(identity, () -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getRootProcessInstanceId());
    }

    private boolean mayWork(Task task, CamundaUser user) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user.id());
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.id().equals(link.getUserId()) || user.groupIds().contains(link.getGroupId()));
    }

    /**
     * Auditors, finance, administrators and the unit leading the case (the engine's read grant on the case) read the
     * whole case, and so does an expert drawn to score or assess in it (not one who declared a conflict: the tasks are
     * DocumentSettings.reviewerTasks, whatever other groups the user has); someone else who worked on one of its tasks
     * (an applicant) reads what they uploaded or what was uploaded on their tasks; anybody else nothing.
     */
    Readership readership(String caseId, CamundaUser user) {
        if (user.groupIds().stream().anyMatch(READ_EVERY_CASE::contains)) {
            return Readership.WHOLE_CASE;
        }
        if (history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
            return Readership.WHOLE_CASE;
        }
        return AsSystem.call(identity, () -> {
            HistoricProcessInstance found = history.createHistoricProcessInstanceQuery().processInstanceId(caseId)
                    .singleResult();
            if (found == null || !caseId.equals(found.getRootProcessInstanceId())) {
                return Readership.NONE;
            }
            if (!settings.reviewerTasks().isEmpty() && history.createHistoricTaskInstanceQuery()
                    .rootProcessInstanceId(caseId).taskAssignee(user.id())
                    .taskDefinitionKeyIn(settings.reviewerTasks().toArray(String[]::new)).count() > 0) {
                return Readership.WHOLE_CASE;
            }
            Set<String> ownTasks = new HashSet<>();
            history.createHistoricTaskInstanceQuery().rootProcessInstanceId(caseId).taskInvolvedUser(user.id()).list()
                    .forEach(task -> ownTasks.add(task.getId()));
            history.createHistoricTaskInstanceQuery().rootProcessInstanceId(caseId).taskAssignee(user.id()).list()
                    .forEach(task -> ownTasks.add(task.getId()));
            return new Readership(false, Set.copyOf(ownTasks));
        });
    }

    /** Users' names as Tasklist shows them (family and given name), by id; an unknown id is left out. */
    Map<String, String> names(Set<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return AsSystem.call(identity, () -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()
                .stream().collect(Collectors.toMap(User::getId,
                        user -> (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), ""))
                                .strip())));
    }
}
