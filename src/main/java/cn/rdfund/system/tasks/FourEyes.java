package cn.rdfund.system.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Four eyes where money is decided: a user task names, in its model, the earlier steps of the same case whose
 * completer may not do it (extension property {@code fourEyes}, the steps' ids separated by commas). The steps are
 * looked up in the engine's history of the task's process instance and of the instances that called it, up to the
 * case's root, so an approval in a called process (拨付审批 in Disbursement) sees the caller's steps. Of each step
 * only its last completion counts: after a return (退回), the person who did the step again is the one who decided
 * what is now approved. Who completed a step comes from the user operation log, i.e. the engine's login, never
 * from a variable.
 */
final class FourEyes {

    static final String PROPERTY = "fourEyes";

    private final ObjectProvider<HistoryService> historyService;
    private final ObjectProvider<IdentityService> identityService;

    FourEyes(ObjectProvider<HistoryService> historyService, ObjectProvider<IdentityService> identityService) {
        this.historyService = historyService;
        this.identityService = identityService;
    }

    /** A user task's name in the model and the ids of the earlier steps whose completer may not do it. */
    record Declaration(String step, List<String> excludedSteps) {
    }

    /** What a user task's model declares; empty when it excludes nobody. */
    static Optional<Declaration> declaredBy(Element userTask) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTask);
        String steps = properties == null ? null : properties.get(PROPERTY);
        List<String> excluded = steps == null ? List.of()
                : Arrays.stream(steps.split(",")).map(String::strip).filter(step -> !step.isEmpty()).toList();
        String name = userTask.attribute("name");
        return excluded.isEmpty() ? Optional.empty()
                : Optional.of(new Declaration(name == null ? userTask.attribute("id") : name, excluded));
    }

    /**
     * Why {@code user} may not do the declared task of this process instance: one message per excluded step that
     * the user completed last in the case; empty when the user may. {@code acting} is who asks (the same user when
     * completing or claiming, someone else when assigning the task to the user).
     */
    List<String> refusals(Declaration declaration, DelegateTask task, String user, String acting) {
        if (user == null) {
            return List.of();
        }
        String who = user.equals(acting) ? "您" : user + " ";
        return stepsLastDoneBy(user, task.getProcessInstanceId(), declaration.excludedSteps()).stream()
                .map(step -> who + "已办理本案「" + step + "」，「" + declaration.step() + "」须由另一位同事办理（四眼原则）")
                .toList();
    }

    private List<String> stepsLastDoneBy(String user, String processInstanceId, List<String> steps) {
        return AsSystem.call(identityService.getObject(), () -> {
            List<String> names = new ArrayList<>();
            for (String instance : caseChain(processInstanceId)) {
                for (String step : steps) {
                    lastCompletion(instance, step).filter(done -> user.equals(completer(done)))
                            .ifPresent(done -> names.add(done.getActivityName()));
                }
            }
            return names;
        });
    }

    /** The process instance and the ones that called it, up to the root. */
    private List<String> caseChain(String processInstanceId) {
        List<String> chain = new ArrayList<>();
        for (String id = processInstanceId; id != null && !chain.contains(id); ) {
            chain.add(id);
            HistoricProcessInstance instance = historyService.getObject().createHistoricProcessInstanceQuery()
                    .processInstanceId(id).singleResult();
            id = instance == null ? null : instance.getSuperProcessInstanceId();
        }
        return chain;
    }

    /**
     * The step's last completed instance in the process instance. Ordered by the engine's sequence counter, which
     * follows the order of steps along a path even when they ended within the same second (MySQL keeps seconds).
     */
    private Optional<HistoricActivityInstance> lastCompletion(String processInstanceId, String step) {
        return historyService.getObject().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(step).finished().orderPartiallyByOccurrence().desc().list().stream()
                .filter(activity -> !activity.isCanceled() && activity.getTaskId() != null).findFirst();
    }

    /** Who completed the step's task: the user operation log (also for tasks nobody claimed), else its assignee. */
    private String completer(HistoricActivityInstance step) {
        HistoryService history = historyService.getObject();
        return history.createUserOperationLogQuery().taskId(step.getTaskId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> {
                    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(step.getTaskId())
                            .singleResult();
                    return task == null ? null : task.getAssignee();
                });
    }
}
