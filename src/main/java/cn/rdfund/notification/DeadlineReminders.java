package cn.rdfund.notification;

import cn.rdfund.notification.TaskNotice.Kind;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes ({@code rdfund.notifications.remind-every}): the open tasks whose follow-up date has come, and
 * those whose due date has passed, within the last {@code remind-within}, remind their assignee (or, unclaimed, their
 * groups) once each. The row in {@code task_reminder} is written before the mail is sent: a second node, or the next
 * run, finds it and sends nothing.
 */
@Component
class DeadlineReminders {

    private final ObjectProvider<TaskService> tasks;
    private final Notifier notifier;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationSettings settings;

    DeadlineReminders(ObjectProvider<TaskService> tasks, Notifier notifier, JdbcClient jdbc, Clock clock,
            NotificationSettings settings) {
        this.tasks = tasks;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${rdfund.notifications.remind-every:PT5M}",
            fixedDelayString = "${rdfund.notifications.remind-every:PT5M}")
    void remind() {
        if (!notifier.enabled()) {
            return;
        }
        Date now = Date.from(clock.instant());
        Date since = Date.from(clock.instant().minus(settings.remindWithin()));
        TaskService taskService = tasks.getObject();
        taskService.createTaskQuery().followUpAfter(since).followUpBefore(now).list()
                .forEach(task -> remindOnce(task, Kind.FOLLOW_UP));
        taskService.createTaskQuery().dueAfter(since).dueBefore(now).list()
                .forEach(task -> remindOnce(task, Kind.OVERDUE));
    }

    private void remindOnce(Task task, Kind kind) {
        try {
            jdbc.sql("INSERT INTO task_reminder (task_id, kind, sent_at) VALUES (?, ?, ?)")
                    .params(task.getId(), kind.name(), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException alreadySent) {
            return;
        }
        List<String> groups = task.getAssignee() != null ? List.of()
                : tasks.getObject().getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                        .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
        notifier.send(new TaskNotice(kind, task.getId(), task.getName(), task.getAssignee(), groups, task.getDueDate()));
    }
}
