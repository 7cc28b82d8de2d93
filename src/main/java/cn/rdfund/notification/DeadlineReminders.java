package cn.rdfund.notification;

import cn.rdfund.notification.TaskNotice.Kind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 * Every few minutes ({@code rdfund.notifications.remind-every}): the active tasks whose follow-up date has come, and
 * those whose due date has passed, within the last {@code remind-within}, remind their assignee (or, unclaimed, their
 * candidates) once per date. The row in {@code task_reminder} is written before the mail is sent: a second node, or
 * the next run, finds it and sends nothing; a date moved later reminds again.
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
        Instant now = clock.instant();
        Instant since = now.minus(settings.remindWithin());
        Set<String> sent = new HashSet<>(jdbc.sql("SELECT task_id, kind, due_at FROM task_reminder WHERE due_at > ?")
                .param(Timestamp.from(since))
                .query((row, number) -> key(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
                .list());
        TaskService taskService = tasks.getObject();
        taskService.createTaskQuery().active().followUpAfter(Date.from(since)).followUpBefore(Date.from(now)).list()
                .forEach(task -> remindOnce(task, Kind.FOLLOW_UP, task.getFollowUpDate(), sent));
        taskService.createTaskQuery().active().dueAfter(Date.from(since)).dueBefore(Date.from(now)).list()
                .forEach(task -> remindOnce(task, Kind.OVERDUE, task.getDueDate(), sent));
    }

    private void remindOnce(Task task, Kind kind, Date date, Set<String> sent) {
        Instant at = date.toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (sent.contains(key(task.getId(), kind.name(), at))) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO task_reminder (task_id, kind, due_at, sent_at) VALUES (?, ?, ?, ?)")
                    .params(task.getId(), kind.name(), Timestamp.from(at), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return;
        }
        TaskService taskService = tasks.getObject();
        List<IdentityLink> candidates = task.getAssignee() != null ? List.of()
                : taskService.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        notifier.send(new TaskNotice(kind, task.getId(), task.getName(), task.getAssignee(),
                candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList(),
                candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).distinct().toList(),
                task.getDueDate()));
    }

    private static String key(String taskId, String kind, Instant at) {
        return taskId + "|" + kind + "|" + at.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    }
}
