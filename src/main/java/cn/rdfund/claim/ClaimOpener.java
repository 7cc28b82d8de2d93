package cn.rdfund.claim;

import cn.rdfund.system.tasks.AsSystem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
        Authentication importer = identityService.getCurrentAuthentication();
        List<String> groups = identityService.createGroupQuery().groupMember(claimant).list().stream()
                .map(Group::getId).toList();
        String processInstanceId;
        identityService.setAuthentication(claimant, groups);
        try {
            processInstanceId = runtimeService.startProcessInstanceByKey(PolicyClaimProcess.KEY).getId();
        } finally {
            if (importer == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(importer);
            }
        }
        AsSystem.call(identityService, () -> {
            String task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(PolicyClaimProcess.TASK_SUBMIT).singleResult().getId();
            taskService.setVariables(task, formValues);
            return task;
        });
        return processInstanceId;
    }
}
