package cn.rdfund.system.tasks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FormService;
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
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
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
 */
@Component
class TaskCompletionValidationPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskCompletionRule> rules;
    private final ObjectProvider<ProcessStarter> starter;
    private final FormInputGuard formInputGuard;

    TaskCompletionValidationPlugin(ObjectProvider<TaskCompletionRule> rules, ObjectProvider<ProcessStarter> starter,
            ObjectProvider<IdentityService> identityService, ObjectProvider<TaskService> taskService,
            ObjectProvider<FormService> formService) {
        this.rules = rules;
        this.starter = starter;
        this.formInputGuard = new FormInputGuard(identityService, taskService, formService);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new UnwrapValidationFailure(formInputGuard));
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> check(processKey, task));
            }
        });
    }

    private static final class UnwrapValidationFailure extends CommandInterceptor {

        private final FormInputGuard formInputGuard;

        UnwrapValidationFailure(FormInputGuard formInputGuard) {
            this.formInputGuard = formInputGuard;
        }

        @Override
        public <T> T execute(Command<T> command) {
            TextLengthGuard.check(command);
            formInputGuard.check(command);
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof FormFieldValidationException validation) {
                        throw validation;
                    }
                }
                throw e;
            }
        }
    }

    private void check(String processKey, DelegateTask task) {
        List<TaskCompletionRule> applicable = rules.stream()
                .filter(rule -> rule.processKey().equals(processKey) && rule.taskKey().equals(task.getTaskDefinitionKey()))
                .toList();
        if (applicable.isEmpty()) {
            return;
        }
        TaskCompletion completion = new TaskCompletion(task.getVariables(),
                CurrentUser.of(task), task.getProcessInstanceId(),
                starter.getObject().of(task.getProcessInstanceId()));
        List<String> problems = applicable.stream().flatMap(rule -> rule.problems(completion).stream()).toList();
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(task.getTaskDefinitionKey(), String.join("；", problems));
        }
    }
}
