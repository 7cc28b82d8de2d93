package cn.rdfund.audit;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import cn.rdfund.system.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
        return taskService.createTaskQuery().dueBefore(Date.from(clock.instant())).orderByDueDate().asc()
                .listPage(0, MAX).stream()
                .map(task -> new Dashboard.Overdue("任务：" + task.getName(), task.getProcessInstanceId(),
                        DAY.format(task.getDueDate().toInstant().atZone(clock.getZone())),
                        owner(task.getAssignee())))
                .toList();
    }

    private String owner(String assignee) {
        if (assignee == null) {
            return "（待认领）";
        }
        return identityService.createUserQuery().userId(assignee).memberOfGroup(Groups.EXPERTS).count() > 0
                ? "评审专家" : assignee;
    }
}
