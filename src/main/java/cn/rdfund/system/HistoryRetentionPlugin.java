package cn.rdfund.system;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a process hierarchy ends, Camunda stamps its history with a removal time (end + the model's
 * historyTimeToLive) and the nightly cleanup deletes it after that. A hierarchy that {@link KeptHistory} names is
 * stamped with none: its history is kept until someone archives it deliberately.
 */
@Component
class HistoryRetentionPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<KeptHistory> keptHistory;

    HistoryRetentionPlugin(ObjectProvider<KeptHistory> keptHistory) {
        this.keptHistory = keptHistory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryRemovalTimeProvider(new DefaultHistoryRemovalTimeProvider() {
            @Override
            public Date calculateRemovalTime(HistoricProcessInstanceEventEntity instance, ProcessDefinition definition) {
                Date removal = super.calculateRemovalTime(instance, definition);
                return removal != null && kept(instance.getRootProcessInstanceId()) ? null : removal;
            }
        });
    }

    private boolean kept(String rootProcessInstanceId) {
        return keptHistory.stream().anyMatch(kept -> kept.keepForever(rootProcessInstanceId));
    }
}
