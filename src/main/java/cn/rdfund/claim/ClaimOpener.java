package cn.rdfund.claim;

import cn.rdfund.system.tasks.AsSystem;
import cn.rdfund.system.tasks.AsUser;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Opens a claim for an enterprise (免申即享): the claim process started as one of the enterprise's users, who is then
 * its claimant (its 填写申领 task is theirs), with the form filled in from the official list; the enterprise only
 * confirms it. The engine calls of the import, at the edge.
 */
@Component
class ClaimOpener {

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    ClaimOpener(IdentityService identityService, RuntimeService runtimeService, TaskService taskService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** The new claim's process instance. */
    String open(String claimant, Map<String, Object> formValues) {
        String processInstanceId = AsUser.call(identityService, claimant,
                () -> runtimeService.startProcessInstanceByKey(PolicyClaimProcess.KEY).getId());
        AsSystem.call(identityService, () -> {
            String task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(PolicyClaimProcess.TASK_SUBMIT).singleResult().getId();
            taskService.setVariables(task, formValues);
            return task;
        });
        return processInstanceId;
    }
}
