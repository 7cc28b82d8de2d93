package cn.rdfund.system.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds a completion check to every user task of every deployed model: the {@link TaskCompletionRule}s
 * for that task run before it completes, and any problem refuses the completion with all messages.
 * The engine then rolls back, so nothing submitted is written; the REST API (and so Tasklist) answers
 * 400 "Cannot complete task …: message". The engine wraps every listener exception, so an outermost
 * command interceptor unwraps ours again: Camunda's REST API maps only the unwrapped one to 400.
 * The same interceptor first refuses texts too long to store ({@link TextLengthGuard}) and lets {@link FormInputGuard}
 * refuse input the task's form does not offer.
 * A task whose model declares {@link FourEyes} is also refused to whoever did one of the steps it excludes: its
 * completion (400, with the other problems) and its claim or assignment (403), so Tasklist does not hand it to them.
 */
@Component
class TaskCompletionValidationPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskCompletionRule> rules;
    private final ObjectProvider<ProcessStarter> starter;
    private final FormInputGuard formInputGuard;
    private final FourEyes fourEyes;

    TaskCompletionValidationPlugin(ObjectProvider<TaskCompletionRule> rules, ObjectProvider<ProcessStarter> starter,
            ObjectProvider<IdentityService> identityService, ObjectProvider<TaskService> taskService,
            ObjectProvider<FormService> formService, ObjectProvider<HistoryService> historyService,
            DeployedForms forms) {
        this.rules = rules;
        this.starter = starter;
        this.formInputGuard = new FormInputGuard(identityService, taskService, formService, forms);
        this.fourEyes = new FourEyes(historyService, identityService);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0,
                new UnwrapValidationFailure(formInputGuard, configuration));
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
                Optional<FourEyes.Declaration> fourEyesRule = FourEyes.declaredBy(element);
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        task -> check(processKey, fourEyesRule, task));
                fourEyesRule.ifPresent(rule -> definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
                        task -> refuseExcludedAssignee(rule, task)));
            }
        });
    }

    private static final class UnwrapValidationFailure extends CommandInterceptor {

        private final FormInputGuard formInputGuard;
        private final ProcessEngineConfigurationImpl engine;

        UnwrapValidationFailure(FormInputGuard formInputGuard, ProcessEngineConfigurationImpl engine) {
            this.formInputGuard = formInputGuard;
            this.engine = engine;
        }

        @Override
        public <T> T execute(Command<T> command) {
            TextLengthGuard.check(command);
            if (Context.getCommandContext() == null) {
                // What a person sent, not what a delegate does inside their command (a process started by a step).
                Authentication caller = engine.getIdentityService().getCurrentAuthentication();
                ClaimGuard.check(command, caller);
                StartInputGuard.check(command, caller);
            }
            formInputGuard.check(command);
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof FormFieldValidationException validation) {
                        throw validation;
                    }
                    if (cause instanceof FourEyesRefusal refusal) {
                        throw refusal;
                    }
                }
                throw e;
            }
        }
    }

    private void check(String processKey, Optional<FourEyes.Declaration> fourEyesRule, DelegateTask task) {
        String user = CurrentUser.of(task);
        List<String> problems = new ArrayList<>(fourEyesRule
                .map(rule -> fourEyes.refusals(rule, task, user, user)).orElse(List.of()));
        List<TaskCompletionRule> applicable = rules.stream()
                .filter(rule -> rule.appliesTo(processKey, task.getTaskDefinitionKey()))
                .toList();
        if (!applicable.isEmpty()) {
            TaskCompletion completion = new TaskCompletion(task.getVariables(), user, task.getProcessInstanceId(),
                    starter.getObject().of(task.getProcessInstanceId()), processKey, task.getTaskDefinitionKey());
            applicable.forEach(rule -> problems.addAll(rule.problems(completion)));
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(task.getTaskDefinitionKey(), String.join("；", problems));
        }
    }

    /** A claim, assignment or delegation by a logged-in user; the engine's own assignments are not checked. */
    private void refuseExcludedAssignee(FourEyes.Declaration rule, DelegateTask task) {
        String acting = CurrentUser.of(task);
        if (acting == null || task.getAssignee() == null) {
            return;
        }
        List<String> refusals = fourEyes.refusals(rule, task, task.getAssignee(), acting);
        if (!refusals.isEmpty()) {
            throw new FourEyesRefusal(String.join("；", refusals));
        }
    }
}
