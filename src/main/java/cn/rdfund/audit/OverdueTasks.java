package cn.rdfund.audit;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** Open user tasks whose due date has passed (the engine's view of overdue deadlines), for the dashboard. */
@Component
class OverdueTasks {

    private static final int MAX = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService taskService;
    private final Clock clock;

    OverdueTasks(TaskService taskService, Clock clock) {
        this.taskService = taskService;
        this.clock = clock;
    }

    List<Dashboard.Overdue> list() {
        return taskService.createTaskQuery().dueBefore(Date.from(clock.instant())).orderByDueDate().asc()
                .listPage(0, MAX).stream()
                .map(task -> new Dashboard.Overdue("任务：" + task.getName(), task.getProcessInstanceId(),
                        DAY.format(task.getDueDate().toInstant().atZone(clock.getZone())),
                        task.getAssignee() == null ? "（待认领）" : task.getAssignee()))
                .toList();
    }
}
