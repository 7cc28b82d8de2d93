package cn.rdfund.system.tasks;

import java.util.ArrayList;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link TaskWaiting} for every user task of every model, without a line in the models: when the process or
 * a colleague gives a task to someone (not when they take it themselves), and when a task without an assignee opens
 * for its groups. The event leaves once the transaction has committed, so a refused or rolled-back step announces
 * nothing. Engine-specific (a parse listener and the engine's transaction listener).
 */
@Component
class TaskWaitingEvents extends AbstractProcessEnginePlugin {

    private final ApplicationEventPublisher events;

    TaskWaitingEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, TaskWaitingEvents.this::assigned);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskWaitingEvents.this::created);
            }
        });
    }

    /**
     * A task created with an assignee (set by the model before "create") fires this after "create"; later it fires on
     * every change of assignee. Someone taking a task themselves (认领) is not told.
     */
    private void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(Context.getCommandContext().getAuthenticatedUserId())) {
            afterCommit(() -> new TaskWaiting(task.getId(), task.getName(), assignee, List.of(), List.of(),
                    task.getDueDate()));
        }
    }

    /** A task created without an assignee waits for its candidates: the users named and the groups' members. */
    private void created(DelegateTask task) {
        if (task.getAssignee() == null) {
            List<IdentityLink> candidates = task.getCandidates().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
            List<String> groups = candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                    .distinct().toList();
            List<String> users = candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull)
                    .distinct().toList();
            if (!groups.isEmpty() || !users.isEmpty()) {
                afterCommit(() -> new TaskWaiting(task.getId(), task.getName(), null, groups, users,
                        task.getDueDate()));
            }
        }
    }

    /**
     * The event is read from the task once committed: the models' own listeners, which run after these built-in ones,
     * name the task after its case ({@link TaskLabels}), and that is the name to announce.
     */
    private void afterCommit(Supplier<TaskWaiting> waiting) {
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> events.publishEvent(waiting.get()));
    }
}
