package cn.rdfund.execution;

import cn.rdfund.system.tasks.TaskDeadlines;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of a project's tasks, read by its timers and due dates ({@code ${projectTimes.period('report')}}),
 * never from a variable a user could set. A task is due {@code period} after it starts; Tasklist shows it under
 * "follow-up" {@code rdfund.reminder-lead} before (the reminder); when it passes, the manager gets an escalation task.
 * Public: expressions call it.
 */
@Component("projectTimes")
@ConfigurationProperties("rdfund.project")
public class ProjectTimes {

    private final TaskDeadlines taskDeadlines;
    private Map<String, Duration> deadlines = new HashMap<>(Map.of("agreement", Duration.ofDays(30),
            "report", Duration.ofDays(15), "rectification", Duration.ofDays(60), "repayment", Duration.ofDays(30),
            "assessment", Duration.ofDays(15)));
    private int maxExtensionMonths = 12;

    ProjectTimes(TaskDeadlines taskDeadlines) {
        this.taskDeadlines = taskDeadlines;
    }

    /** ISO 8601 duration for a timer, e.g. P30D. */
    public String period(String deadline) {
        return deadline(deadline).toString();
    }

    public Date dueIn(String deadline) {
        return taskDeadlines.dueAfter(period(deadline));
    }

    public Date remindIn(String deadline) {
        return taskDeadlines.followUpAfter(period(deadline));
    }

    /** The follow-up date (the reminder), {@code rdfund.reminder-lead} before the due date. */
    public Date remindBefore(Date due) {
        return taskDeadlines.followUpBefore(due);
    }

    private Duration deadline(String name) {
        Duration period = deadlines.get(name);
        if (period == null) {
            throw new IllegalArgumentException("未配置的期限: " + name);
        }
        return period;
    }

    public Map<String, Duration> getDeadlines() {
        return deadlines;
    }

    public void setDeadlines(Map<String, Duration> deadlines) {
        this.deadlines = new HashMap<>(deadlines);
    }

    /** The longest extension (延期) of the acceptance deadline a manager may grant, once per project. */
    public int getMaxExtensionMonths() {
        return maxExtensionMonths;
    }

    public void setMaxExtensionMonths(int maxExtensionMonths) {
        this.maxExtensionMonths = maxExtensionMonths;
    }

}
