package cn.rdfund.audit;

import cn.rdfund.review.ExpertReviewProcess;
import cn.rdfund.system.tasks.BusinessKeys;
import cn.rdfund.system.Texts;
import cn.rdfund.system.security.HistoricInstanceReads;
import cn.rdfund.system.tasks.AsSystem;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Reads what the process engine's history knows about the process instances of a case and everything they
 * called: every activity, each user task with who completed it and what it recorded, timers, incidents, variable
 * changes (old and new value) and decision-table evaluations (inputs, matched rules, outputs). While an expert
 * review is under way its tasks' contents stay hidden: reviews are shown once the review phase has ended.
 * The only class of the audit feature that uses Camunda's history API.
 */
@Component
class ProcessHistory {

    static final String SEALED = "评审进行中：评审内容在评审结束后显示";
    private static final String EMPTY = "（空）";
    /** The variable in which an expert panel's caller names the form of its experts' tasks. */
    private static final String PANEL_FORM = "panelForm";
    private static final int MAX_VALUE_LENGTH = 300;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> TIMERS = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");
    private static final Set<String> SKIPPED = Set.of("multiInstanceBody");
    /** The engine's own counters of multi-instance activities: not decisions anybody made. */
    private static final Set<String> ENGINE_VARIABLES = Set.of("nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "loopCounter", "applicationProcessId");

    /** Processes whose steps stay hidden as a whole until they end. */
    private static final Set<String> SEALED_WHILE_RUNNING = Set.of(ExpertReviewProcess.KEY);

    private final HistoryService historyService;
    private final IdentityService identityService;
    private final HistoricInstanceReads historicInstanceReads;
    private final FieldLabels labels;
    private final ZoneId zone;
    private final Clock clock;

    ProcessHistory(HistoryService historyService, IdentityService identityService,
            HistoricInstanceReads historicInstanceReads, FieldLabels labels, Clock clock) {
        this.historyService = historyService;
        this.identityService = identityService;
        this.historicInstanceReads = historicInstanceReads;
        this.labels = labels;
        this.zone = clock.getZone();
        this.clock = clock;
    }

    /** A case's history: its events, and which of its process instances have ended. */
    record Read(List<TimelineEvent> events, Set<String> ended) {
    }

    /**
     * The events of every process instance in the hierarchies under these root instances, a caller before what it
     * called (MySQL keeps the engine's times to the second only, so a start time does not order them).
     */
    Read read(List<String> rootProcessInstanceIds) {
        List<TimelineEvent> events = new ArrayList<>();
        Set<String> ended = new HashSet<>();
        Optional<AsSystem.Caller> caller = AsSystem.caller(identityService);
        for (String root : rootProcessInstanceIds) {
            // The hierarchy's instances that the caller may read, each checked as Camunda's historic-instance query
            // checks it, but one by one (system.security.HistoricInstanceReads).
            List<HistoricProcessInstance> instances = AsSystem.call(identityService, () -> historyService
                    .createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list().stream()
                    .filter(instance -> readable(caller, instance)).toList());
            Map<String, String> callers = new HashMap<>();
            instances.forEach(i -> callers.put(i.getId(), i.getSuperProcessInstanceId()));
            instances.stream().filter(i -> i.getEndTime() != null).forEach(i -> ended.add(i.getId()));
            // What the engine recorded inside an instance the caller may read is read without a second check per
            // row: Camunda's per-row check on variable updates joins every historic task by an OR that MySQL answers
            // by scanning the table (seconds per timeline at 20,000 cases, docs/performance.md).
            instances.stream().sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)
                            .thenComparing(i -> depth(i.getId(), callers)))
                    .forEach(instance -> events.addAll(AsSystem.call(identityService, () -> eventsOf(instance))));
        }
        return new Read(events, ended);
    }

    /** Whether the engine would show the caller this instance; without a logged-in caller it checks nothing. */
    private boolean readable(Optional<AsSystem.Caller> caller, HistoricProcessInstance instance) {
        return caller.map(user -> historicInstanceReads.mayRead(user.userId(), user.groupIds(), instance.getId(),
                instance.getProcessDefinitionKey())).orElse(true);
    }

    private static int depth(String instance, Map<String, String> callers) {
        int depth = 0;
        for (String at = callers.get(instance); at != null; at = callers.get(at)) {
            depth++;
        }
        return depth;
    }

    /** The names of these tasks as their task lists showed them (with their case's label), by id; unknown ids left out. */
    Map<String, String> taskNames(Set<String> taskIds) {
        Map<String, String> names = new HashMap<>();
        for (String taskId : taskIds) {
            HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            if (task != null) {
                names.put(taskId, task.getName());
            }
        }
        return names;
    }

    /** Each of these process instances as its process's name and its case's business key, by id. */
    Map<String, String> processLabels(Set<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        return historyService.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getId, instance ->
                        Optional.ofNullable(instance.getProcessDefinitionName()).orElse(instance.getProcessDefinitionKey())
                                + (instance.getBusinessKey() == null ? "" : " " + instance.getBusinessKey())));
    }

    /** Display names ("王科（kjj）") of the users among these ids that the caller may read; others stay ids. */
    Map<String, String> names(Set<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(User::getId, user -> (user.getFirstName() == null ? "" : user.getFirstName())
                        + "（" + user.getId() + "）"));
    }

    private List<TimelineEvent> eventsOf(HistoricProcessInstance instance) {
        String id = instance.getId();
        String process = instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName()
                : instance.getProcessDefinitionKey();
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(id).orderPartiallyByOccurrence().asc().list();
        Sealed sealed = new Sealed(instance.getEndTime() == null
                && SEALED_WHILE_RUNNING.contains(instance.getProcessDefinitionKey()), activities);
        Map<String, HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
                .list().stream().filter(t -> t.getActivityInstanceId() != null)
                .collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, Function.identity(), (a, b) -> a));
        Map<String, String> completedBy = completers(id);
        Map<String, List<String>> recorded = new HashMap<>();
        List<TimelineEvent> changes = variableChanges(id, instance.getProcessDefinitionKey(), process, tasks, recorded,
                sealed);

        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent(time(instance.getStartTime()), TimelineEvent.PROCESS, "开始：" + process,
                instance.getStartUserId(), BusinessKeys.caseCode(instance.getBusinessKey()).map(code -> List.of("业务编号 " + code))
                        .orElse(List.of()), null, null, process));
        for (HistoricActivityInstance activity : activities) {
            if (!SKIPPED.contains(activity.getActivityType())) {
                events.add(activityEvent(activity, tasks.get(activity.getId()), completedBy,
                        recorded.get(activity.getId()), sealed.covers(activity.getId()), process));
            }
        }
        events.addAll(changes);
        // Decision inputs are deserialized: they are RDFund's own values (a claim's reference date is a LocalDate).
        for (HistoricDecisionInstance decision : historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(id).includeInputs().includeOutputs().list()) {
            if (!sealed.covers(decision.getActivityInstanceId())) {
                events.add(decisionEvent(decision, process));
            }
        }
        for (HistoricIncident incident : historyService.createHistoricIncidentQuery().processInstanceId(id).list()) {
            events.add(incidentEvent(incident, process));
        }
        if (instance.getEndTime() != null) {
            List<String> details = new ArrayList<>(List.of(endState(instance.getState())));
            if (instance.getDeleteReason() != null) {
                details.add("原因 " + instance.getDeleteReason());
            }
            events.add(new TimelineEvent(time(instance.getEndTime()), TimelineEvent.PROCESS, "结束：" + process, null,
                    details, null, null, process));
        }
        return events;
    }

    private static String endState(String state) {
        return switch (String.valueOf(state)) {
            case "COMPLETED" -> "正常结束";
            case "EXTERNALLY_TERMINATED" -> "被人工终止";
            case "INTERNALLY_TERMINATED" -> "由流程内部终止";
            default -> "状态 " + state;
        };
    }

    /**
     * What stays hidden while it is under way: all of a running expert review, and the steps inside a
     * multi-instance activity that has not finished (an assessment panel, a co-unit consultation) — so that no
     * member's verdict or identity shows before the whole panel has spoken.
     */
    private static final class Sealed {

        private final boolean wholeProcess;
        private final Set<String> activityInstances = new HashSet<>();

        Sealed(boolean wholeProcess, List<HistoricActivityInstance> activities) {
            this.wholeProcess = wholeProcess;
            Map<String, String> parents = new HashMap<>();
            activities.forEach(a -> parents.put(a.getId(), a.getParentActivityInstanceId()));
            Set<String> openPanels = activities.stream()
                    .filter(a -> "multiInstanceBody".equals(a.getActivityType()) && a.getEndTime() == null)
                    .map(HistoricActivityInstance::getId).collect(Collectors.toSet());
            for (String activity : parents.keySet()) {
                for (String at = activity; at != null; at = parents.get(at)) {
                    if (openPanels.contains(at)) {
                        activityInstances.add(activity);
                        break;
                    }
                }
            }
        }

        boolean covers(String activityInstanceId) {
            return wholeProcess || (activityInstanceId != null && activityInstances.contains(activityInstanceId));
        }
    }

    /**
     * Every variable change in the order it happened, with the value before it (of the same variable in the same
     * scope). Changes made when a user task was completed go to that task's "recorded" lines; the others are events.
     */
    private List<TimelineEvent> variableChanges(String processInstanceId, String processKey, String process,
            Map<String, HistoricTaskInstance> tasks, Map<String, List<String>> recorded, Sealed sealed) {
        List<TimelineEvent> events = new ArrayList<>();
        Map<String, String> lastValue = new HashMap<>();
        // The choices a form's field was offered (openCalls), unclipped, to name the one chosen; not shown themselves.
        Map<String, String> offered = new HashMap<>();
        String chosenForm = null;
        List<HistoricDetail> details = new ArrayList<>(historyService.createHistoricDetailQuery()
                .processInstanceId(processInstanceId).variableUpdates().disableBinaryFetching()
                .disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list());
        details.sort(Comparator.comparing(HistoricDetail::getTime));
        for (HistoricDetail detail : details) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            String value = text(update);
            String old = lastValue.put(update.getVariableName() + "@" + update.getExecutionId(), value);
            String name = update.getVariableName();
            if (labels.offersChoices(name)) {
                offered.put(name, whole(update));
                continue;
            }
            if (PANEL_FORM.equals(name)) {
                chosenForm = value;
            }
            HistoricTaskInstance task = tasks.get(update.getActivityInstanceId());
            boolean withTask = task != null && completedWith(task, update);
            String form = !withTask ? null
                    : Optional.ofNullable(labels.formOf(processKey, task.getTaskDefinitionKey())).orElse(chosenForm);
            String label = labels.of(form, name);
            if (sealed.covers(update.getActivityInstanceId()) || ENGINE_VARIABLES.contains(name)
                    || (old == null && (value.isEmpty() || EMPTY.equals(value)))) {
                continue;
            }
            // A read-only field comes back with its task as it was: not a change. Any other value given again is the
            // person's answer, said to be unchanged.
            if (value.equals(old) && (!withTask || labels.readOnly(form, name))) {
                continue;
            }
            String line = label + "：" + (value.equals(old) ? labels.valueOf(form, name, value, offered::get) + "（未变）"
                    : (old == null || EMPTY.equals(old) ? "" : labels.valueOf(form, name, old, offered::get) + " → ")
                    + labels.valueOf(form, name, value, offered::get));
            if (withTask) {
                recorded.computeIfAbsent(update.getActivityInstanceId(), k -> new ArrayList<>()).add(line);
            } else {
                events.add(new TimelineEvent(time(update.getTime()), TimelineEvent.VARIABLE, label, null, List.of(line),
                        null, null, process));
            }
        }
        return events;
    }

    /** Who completed each task (task id → user), from the user operation log: also tasks nobody had claimed. */
    private Map<String, String> completers(String processInstanceId) {
        Map<String, String> completers = new HashMap<>();
        historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
                .forEach(entry -> completers.putIfAbsent(entry.getTaskId(), entry.getUserId()));
        return completers;
    }

    /** The change came with the task's completion (within a second before it), not from a listener earlier. */
    private static boolean completedWith(HistoricTaskInstance task, HistoricVariableUpdate update) {
        return task.getEndTime() != null && update.getTime().getTime() >= task.getEndTime().getTime() - 1000;
    }

    private TimelineEvent activityEvent(HistoricActivityInstance activity, HistoricTaskInstance task,
            Map<String, String> completedBy, List<String> recorded, boolean sealed, String process) {
        // A task as its worker saw it: an expert panel's task is named by the process that called the panel.
        String name = task != null && task.getName() != null ? task.getName()
                : activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
        Date at = activity.getEndTime() != null ? activity.getEndTime() : activity.getStartTime();
        List<String> details = new ArrayList<>();
        if (task != null) {
            boolean completed = "completed".equals(task.getDeleteReason());
            details.add("开始 " + format(task.getStartTime()));
            details.add(task.getEndTime() == null ? "待办理" : completed
                    ? "完成 " + format(task.getEndTime()) : "未办理即关闭（" + closedBy(task.getDeleteReason()) + "）");
            if (task.getDueDate() != null) {
                details.add("期限 " + format(task.getDueDate()));
                // Done late, or still open past the deadline; a task its deadline closed is the process's path.
                if (completed || task.getEndTime() == null) {
                    Date doneOrNow = task.getEndTime() != null ? task.getEndTime() : Date.from(clock.instant());
                    Lateness.of(task.getDueDate().toInstant(), doneOrNow.toInstant()).ifPresent(details::add);
                }
            }
            if (sealed) {
                details.add(SEALED);
            } else if (recorded != null) {
                details.addAll(recorded);
            }
            String actor = sealed || !completed ? null : completedBy.getOrDefault(task.getId(), task.getAssignee());
            return new TimelineEvent(time(at), TimelineEvent.TASK, name, actor, details, null, null, process);
        }
        if (TIMERS.contains(activity.getActivityType())) {
            details.add(activity.getEndTime() == null ? "等待中，自 " + format(activity.getStartTime()) : "定时器触发");
            return new TimelineEvent(time(at), TimelineEvent.TIMER, name, null, details, null, null, process);
        }
        details.add(activity.getActivityType());
        if (activity.isCanceled()) {
            details.add("已取消");
        }
        return new TimelineEvent(time(activity.getStartTime()), TimelineEvent.ACTIVITY, name, null, details, null, null,
                process);
    }

    private TimelineEvent incidentEvent(HistoricIncident incident, String process) {
        List<String> details = new ArrayList<>();
        details.add(Texts.clip(String.valueOf(incident.getIncidentMessage()), MAX_VALUE_LENGTH));
        details.add(incident.isOpen() ? "未解决" : incident.isResolved() ? "已解决 " + format(incident.getEndTime())
                : "已删除 " + format(incident.getEndTime()));
        return new TimelineEvent(time(incident.getCreateTime()), TimelineEvent.INCIDENT,
                incident.getIncidentType() + " · " + incident.getActivityId(), null, details, null, null, process);
    }

    private TimelineEvent decisionEvent(HistoricDecisionInstance decision, String process) {
        List<String> details = new ArrayList<>();
        details.add("版本 " + decision.getDecisionDefinitionId());
        decision.getInputs().forEach(input -> details.add("输入 " + input.getClauseName() + " = "
                + shown(input.getErrorMessage(), input::getTypedValue)));
        Map<String, List<HistoricDecisionOutputInstance>> byRule = decision.getOutputs().stream()
                .collect(Collectors.groupingBy(HistoricDecisionOutputInstance::getRuleId, LinkedHashMap::new,
                        Collectors.toList()));
        if (byRule.isEmpty()) {
            details.add("无规则命中");
        }
        byRule.forEach((rule, outputs) -> details.add("命中第" + outputs.get(0).getRuleOrder() + "条规则（" + rule + "）："
                + outputs.stream().map(o -> (o.getClauseName() != null ? o.getClauseName() : o.getVariableName()) + " = "
                        + shown(o.getErrorMessage(), o::getTypedValue)).collect(Collectors.joining("；"))));
        String name = decision.getDecisionDefinitionName() != null ? decision.getDecisionDefinitionName()
                : decision.getDecisionDefinitionKey();
        return new TimelineEvent(time(decision.getEvaluationTime()), TimelineEvent.DECISION, name, null, details, null,
                null, process);
    }

    /** Why a task ended undone, in words: the engine says "deleted" when a deadline or another path ended it. */
    private static String closedBy(String deleteReason) {
        return "deleted".equals(deleteReason) ? "期限已到或流程转向" : deleteReason;
    }

    /** A value as stored, not clipped (null when unreadable). */
    private static String whole(HistoricVariableUpdate update) {
        if (update.getErrorMessage() != null) {
            return null;
        }
        TypedValue value = update.getTypedValue();
        Object stored = value instanceof SerializableValue serializable && !serializable.isDeserialized()
                ? serializable.getValueSerialized() : value == null ? null : value.getValue();
        return stored == null ? null : String.valueOf(stored);
    }

    private String text(HistoricVariableUpdate update) {
        return shown(update.getErrorMessage(), update::getTypedValue);
    }

    /** A stored value as text: serialized objects (not deserialized here) as stored, dates in local time. */
    private String shown(String errorMessage, Supplier<TypedValue> typedValue) {
        if (errorMessage != null) {
            return "（无法读取：" + errorMessage + "）";
        }
        TypedValue value = typedValue.get();
        Object shown = value instanceof SerializableValue serializable && !serializable.isDeserialized()
                ? serializable.getValueSerialized() : value == null ? null : value.getValue();
        if (shown instanceof Date date) {
            shown = format(date);
        }
        return shown == null ? EMPTY : Texts.clip(String.valueOf(shown), MAX_VALUE_LENGTH);
    }

    private LocalDateTime time(Date date) {
        return date.toInstant().atZone(zone).toLocalDateTime();
    }

    private String format(Date date) {
        return date == null ? "" : FORMAT.format(time(date));
    }
}
