package cn.rdfund.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Works the demo's tasks as the demo users would in Tasklist (logged in, so the forms' server checks and the
 * history record who did it), while the job executor runs the asynchronous steps: every step waits for the next
 * task to appear. Timers that would only fire minutes or days later are fired at once.
 */
@Component
class DemoTasks {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    DemoTasks(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    String start(String processKey, String user) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(processKey).getId());
    }

    /** Waits for the one open task of that id whose name mentions {@code about}, and completes it as the user. */
    void complete(String taskKey, String about, String user, Map<String, Object> variables) {
        Task task = await(() -> open(taskKey, about), tasks -> tasks.size() == 1, taskKey).get(0);
        as(user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** Waits for {@code count} open tasks of that id, and completes each as its assignee. */
    void completeEach(String taskKey, String about, int count, Map<String, Object> variables) {
        for (Task task : await(() -> open(taskKey, about), tasks -> tasks.size() == count, taskKey)) {
            as(task.getAssignee(), () -> {
                taskService.complete(task.getId(), variables);
                return null;
            });
        }
    }

    int waitForSome(String taskKey, String about) {
        await(() -> open(taskKey, about), tasks -> !tasks.isEmpty(), taskKey);
        pause(Duration.ofSeconds(2)); // parallel tasks are created one job after another
        return open(taskKey, about).size();
    }

    /** Fires the waiting timer of that activity now. */
    void fireTimer(String activityId) {
        Job timer = await(() -> managementService.createJobQuery().timers().activityId(activityId).list(),
                jobs -> jobs.size() == 1, activityId).get(0);
        managementService.executeJob(timer.getId());
    }

    private List<Task> open(String taskKey, String about) {
        return taskService.createTaskQuery().taskDefinitionKey(taskKey).list().stream()
                .filter(task -> about == null || (task.getName() != null && task.getName().contains(about))
                        || about.equals(taskService.getVariable(task.getId(), "title")))
                .toList();
    }

    private <T> T await(Supplier<T> probe, java.util.function.Predicate<T> ready, String what) {
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
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
