package cn.rdfund.system.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due and follow-up dates of tasks that have a deadline, for the models' {@code camunda:dueDate} and
 * {@code camunda:followUpDate} (e.g. {@code ${taskDeadlines.dueAfter('P5D')}}). The follow-up date is the
 * reminder: Tasklist shows the task under Follow-up {@code rdfund.reminder-lead} before it is due (but
 * never before now). Public: expressions call it.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private final Clock clock;
    private final Duration reminderLead;

    TaskDeadlines(Clock clock, @Value("${rdfund.reminder-lead:P3D}") Duration reminderLead) {
        this.clock = clock;
        this.reminderLead = reminderLead;
    }

    /** Now plus an ISO 8601 duration such as P5D. */
    public Date dueAfter(String period) {
        return Date.from(clock.instant().plus(Duration.parse(period)));
    }

    public Date followUpAfter(String period) {
        return followUpBefore(dueAfter(period));
    }

    public Date followUpBefore(Date due) {
        Instant remind = due.toInstant().minus(reminderLead);
        Instant now = clock.instant();
        return Date.from(remind.isBefore(now) ? now : remind);
    }
}
