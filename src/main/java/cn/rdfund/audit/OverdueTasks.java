package cn.rdfund.audit;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import cn.rdfund.system.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Open user tasks whose due date has passed (the engine's view of overdue deadlines), for the dashboard. An expert's
 * task names no expert: who reviews a case stays unknown outside the review.
 */
@Component
class OverdueTasks {

    private static final int MAX = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService taskService;
    private final IdentityService identityService;
    private final Clock clock;

    OverdueTasks(TaskService taskService, IdentityService identityService, Clock clock) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.clock = clock;
    }

    List<Dashboard.Overdue> list() {
        List<Task> overdue = taskService.createTaskQuery().dueBefore(Date.from(clock.instant())).orderByDueDate().asc()
                .listPage(0, MAX);
        if (overdue.isEmpty()) {
            return List.of();
        }
        Set<String> experts = identityService.createUserQuery().memberOfGroup(Groups.EXPERTS).list().stream()
                .map(User::getId).collect(Collectors.toSet());
        return overdue.stream().map(task -> new Dashboard.Overdue("任务：" + task.getName(), task.getProcessInstanceId(),
                        DAY.format(task.getDueDate().toInstant().atZone(clock.getZone())),
                        task.getAssignee() == null ? "（待认领）" : experts.contains(task.getAssignee()) ? "评审专家"
                                : task.getAssignee()))
                .toList();
    }
}
