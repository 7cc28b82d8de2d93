package cn.rdfund.notification;

import cn.rdfund.notification.TaskNotice.Kind;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells people about every user task of every model, without a line in the models: when the process or a colleague
 * gives a task to someone (not when they take it themselves), and when a task without an assignee opens for its
 * groups. The mail leaves once the transaction has committed, so a refused or rolled-back step tells nobody.
 * Engine-specific (a parse listener and the engine's transaction listener).
 */
@Component
class TaskNotifications extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Notifier> notifier;

    TaskNotifications(ObjectProvider<Notifier> notifier) {
        this.notifier = notifier;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, TaskNotifications.this::assigned);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskNotifications.this::created);
            }
        });
    }

    /** The engine fires this before "create" when a task starts with an assignee, and on every later change. */
    private void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(Context.getCommandContext().getAuthenticatedUserId())) {
            afterCommit(() -> new TaskNotice(Kind.ASSIGNED, task.getId(), task.getName(), assignee, List.of(),
                    task.getDueDate()));
        }
    }

    private void created(DelegateTask task) {
        if (task.getAssignee() == null) {
            List<String> groups = task.getCandidates().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
            if (!groups.isEmpty()) {
                afterCommit(() -> new TaskNotice(Kind.OPEN_TO_GROUP, task.getId(), task.getName(), null, groups,
                        task.getDueDate()));
            }
        }
    }

    /**
     * The notice is read from the task once committed: the models' own listeners, which run after these built-in
     * ones, name the task after its case (system.tasks.TaskLabels) and the mail should say that name.
     */
    private void afterCommit(Supplier<TaskNotice> notice) {
        Notifier mails = notifier.getIfAvailable();
        if (mails != null && mails.enabled()) {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> mails.send(notice.get()));
        }
    }
}
