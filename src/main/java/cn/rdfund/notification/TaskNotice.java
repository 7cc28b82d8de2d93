package cn.rdfund.notification;

import java.util.Date;
import java.util.List;

/** Why someone is told about a task: what the mail says, and to whom it goes. */
record TaskNotice(Kind kind, String taskId, String taskName, String assignee, List<String> candidateGroups,
        List<String> candidateUsers, Date dueDate) {

    enum Kind {
        /** The task is now the assignee's: the process or a colleague gave it to them. */
        ASSIGNED,
        /** The task waits for one member of its groups to take it (认领). */
        OPEN_TO_GROUP,
        /** The task's follow-up date has come: its deadline is near. */
        FOLLOW_UP,
        /** The task's due date has passed. */
        OVERDUE
    }
}
