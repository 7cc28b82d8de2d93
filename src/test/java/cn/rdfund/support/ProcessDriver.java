package cn.rdfund.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Drives processes in tests as a real user would: logged in with the user's Camunda groups, so the
 * engine's authorizations and the completion rules see exactly what they would see in Tasklist.
 */
@Component
public class ProcessDriver {

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final Environment environment;

    ProcessDriver(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            RepositoryService repositoryService, Environment environment) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.environment = environment;
    }

    public ProcessInstance start(String processKey, String user) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(processKey));
    }

    /** Completes the instance's open task with that id in the model, as the user. */
    public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        complete(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult(), user, variables);
    }

    /** Completes the task as the user. */
    public void complete(Task task, String user, Map<String, Object> variables) {
        if (ScreenshotTour.ON) {
            ScreenshotTour.beforeCompleting(task, seenBy(task, variables), user, caseProcessOf(task),
                    environment.getRequiredProperty("local.server.port", Integer.class));
        }
        as(user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** The task's variables, then those of the processes that called it (the nearest first), then what is submitted. */
    private Map<String, Object> seenBy(Task task, Map<String, Object> submitted) {
        Map<String, Object> seen = new HashMap<>(taskService.getVariables(task.getId()));
        for (ProcessInstance caller = callerOf(task.getProcessInstanceId()); caller != null;
                caller = callerOf(caller.getId())) {
            runtimeService.getVariables(caller.getId()).forEach(seen::putIfAbsent);
        }
        seen.putAll(submitted);
        return seen;
    }

    private ProcessInstance callerOf(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().subProcessInstanceId(processInstanceId).singleResult();
    }

    private String caseProcessOf(Task task) {
        String root = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getRootProcessInstanceId();
        return repositoryService.getProcessDefinition(runtimeService.createProcessInstanceQuery()
                .processInstanceId(root).singleResult().getProcessDefinitionId()).getKey();
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
