package cn.rdfund.system.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A start event's {@code camunda:initiator} variable names who started the process, and the models assign the
 * first task to it. Camunda lets a start variable of the same name override it, so anyone starting a process
 * over REST could hand that task (and the process) to someone else. Every such start event gets a built-in
 * listener that sets the variable again from the engine's login (null without one). Starting a process at
 * another activity skips the start event and its listeners, so only administrators may do that.
 */
@Component
class InitiatorFromLoginPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<IdentityService> identityService;

    InitiatorFromLoginPlugin(ObjectProvider<IdentityService> identityService) {
        this.identityService = identityService;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (command instanceof StartProcessInstanceAtActivitiesCmd && !bySystemOrAdministrator()) {
                    throw new AuthorizationException("只有系统管理员可以从指定节点启动流程");
                }
                return next.execute(command);
            }
        });
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                String variable = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "initiator");
                if (variable != null && !variable.isBlank()) {
                    ExecutionListener fromLogin = execution -> {
                        Authentication login = execution.getProcessEngineServices().getIdentityService()
                                .getCurrentAuthentication();
                        execution.setVariable(variable, login == null ? null : login.getUserId());
                    };
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, fromLogin);
                }
            }
        });
    }

    /** RDFund's own code (no login; every REST call has one) or a logged-in administrator. */
    private boolean bySystemOrAdministrator() {
        Authentication login = identityService.getObject().getCurrentAuthentication();
        return login == null || Groups.includeAdministrator(login.getGroupIds());
    }
}
