package cn.rdfund.system.tasks;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Who started a process instance, as the engine recorded it. Read as the system: the user completing
 * a task may not be allowed to read the history, and must not be able to change the answer.
 */
@Component
public class ProcessStarter {

    private final HistoryService historyService;
    private final IdentityService identityService;

    ProcessStarter(HistoryService historyService, IdentityService identityService) {
        this.historyService = historyService;
        this.identityService = identityService;
    }

    public String of(String processInstanceId) {
        return AsSystem.call(identityService, () -> {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            return instance == null ? null : instance.getStartUserId();
        });
    }
}
