package cn.rdfund.system.tasks;

import java.util.Date;
import java.util.List;

/**
 * A user task that now waits for someone: given to {@code assignee} by the process or a colleague, or, without an
 * assignee, open to its {@code candidateUsers} and the members of its {@code candidateGroups}. Published as a Spring event once the step that made it so
 * has committed ({@link TaskWaitingEvents}); {@code taskName} is the task's name after its case.
 */
public record TaskWaiting(String taskId, String taskName, String assignee, List<String> candidateGroups,
        List<String> candidateUsers, Date dueDate) {
}
