package cn.rdfund.system.security;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.springframework.stereotype.Component;

/**
 * Whether a user may read one historic process instance, decided as Camunda's historic-instance query decides it
 * (historic instance permissions on): read-history on the process definition or read on the instance, in that order,
 * the first grant or revoke found deciding — but for one instance, by its id, instead of joining every grant of the
 * user's groups (which MySQL and MariaDB answer by reading all of them, docs/performance.md). Engine-specific.
 */
@Component
public class HistoricInstanceReads {

    private final ProcessEngine processEngine;

    HistoricInstanceReads(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    public boolean mayRead(String userId, List<String> groupIds, String instanceId, String processDefinitionKey) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if (!configuration.isAuthorizationEnabled()) {
            return true;
        }
        return configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager()
                .isAuthorized(userId, groupIds, new PermissionCheckBuilder().disjunctive()
                        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, processDefinitionKey,
                                ProcessDefinitionPermissions.READ_HISTORY)
                        .atomicCheckForResourceId(Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
                                HistoricProcessInstancePermissions.READ)
                        .build()));
    }
}
