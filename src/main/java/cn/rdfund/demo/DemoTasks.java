package cn.rdfund.demo;

import cn.rdfund.document.CaseDocuments;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.system.tasks.AsUser;
import cn.rdfund.system.security.CamundaUser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Works the demo's tasks as the demo users would in Tasklist (logged in, so the forms' server checks and the
 * history record who did it), while the job executor runs the asynchronous steps: every step waits for the next
 * task to appear. Only tasks and timers of the demo's own cases (by their root process instance) are touched,
 * whatever else people start meanwhile. Timers that would only fire minutes or days later are fired at once.
 */
@Component
class DemoTasks {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final CaseDocuments documents;

    DemoTasks(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, CaseDocuments documents) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.documents = documents;
    }

    String start(String processKey, String user) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(processKey).getId());
    }

    /**
     * The root process instance of the project that a call selected, once it has been started: its tasks are the
     * project's, the Disbursements' and the panels'.
     */
    String projectTitled(String title) {
        return await(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(ProjectExecutionProcess.KEY)
                .variableValueEquals(ProjectExecutionProcess.TITLE, title).list(), found -> found.size() == 1, title)
                .get(0).getId();
    }

    /** Waits for the one open task of that id in the demo case (root process instance), completes it as the user. */
    void complete(String taskKey, String caseRoot, String user, Map<String, Object> variables) {
        Task task = await(() -> open(taskKey, caseRoot), tasks -> tasks.size() == 1, taskKey).get(0);
        as(user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** Waits for the open task of that id in the demo case and attaches the resource there as the user, in the 材料 tab. */
    void attach(String taskKey, String caseRoot, String user, String kind, String fileName, String resource) {
        Task task = await(() -> open(taskKey, caseRoot), tasks -> tasks.size() == 1, taskKey).get(0);
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        try (InputStream content = DemoTasks.class.getResourceAsStream(resource)) {
            documents.attachAs(new CamundaUser(user, groups), task.getId(), kind, fileName, content.readAllBytes())
                    .orElseThrow(() -> new IllegalStateException(user + " may not attach on " + taskKey));
        } catch (IOException missing) {
            throw new IllegalStateException(resource, missing);
        }
    }

    /** Waits until the parallel tasks of that id in the case are all there, and completes each as its assignee. */
    void completeEach(String taskKey, String caseRoot, Map<String, Object> variables) {
        List<Task> panel = await(() -> open(taskKey, caseRoot), tasks -> !tasks.isEmpty(), taskKey);
        // Parallel tasks are created one job after another: wait until no more appear.
        for (int stable = 0; stable < 3; stable++) {
            pause(Duration.ofSeconds(1));
            List<Task> now = open(taskKey, caseRoot);
            if (now.size() != panel.size()) {
                stable = -1;
            }
            panel = now;
        }
        for (Task task : panel) {
            as(task.getAssignee(), () -> {
                taskService.complete(task.getId(), variables);
                return null;
            });
        }
    }

    void waitFor(String taskKey, String caseRoot) {
        await(() -> open(taskKey, caseRoot), tasks -> !tasks.isEmpty(), taskKey);
    }

    /** Fires the case's waiting timer of that activity now. */
    void fireTimer(String activityId, String caseRoot) {
        Job timer = await(() -> managementService.createJobQuery().timers().activityId(activityId).list().stream()
                .filter(job -> caseRoot.equals(rootOf(job.getProcessInstanceId()))).toList(),
                jobs -> jobs.size() == 1, activityId).get(0);
        managementService.executeJob(timer.getId());
    }

    private List<Task> open(String taskKey, String caseRoot) {
        return taskService.createTaskQuery().taskDefinitionKey(taskKey).list().stream()
                .filter(task -> caseRoot.equals(rootOf(task.getProcessInstanceId()))).toList();
    }

    private String rootOf(String processInstanceId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getRootProcessInstanceId();
    }

    private <T> T await(Supplier<T> probe, Predicate<T> ready, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T value = probe.get();
        while (!ready.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("演示数据：等待 " + what + " 超时");
            }
            pause(Duration.ofMillis(200));
            value = probe.get();
        }
        return value;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> T as(String user, Supplier<T> action) {
        return AsUser.call(identityService, user, action);
    }
}
