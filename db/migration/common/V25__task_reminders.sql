-- Reminders by e-mail of a task's follow-up date and of its due date (notification.DeadlineReminders): one row per
-- task, kind and date reminded of once the reminder is sent, so that a rerun, or a second node, sends none twice,
-- and a date moved later reminds again.
CREATE TABLE task_reminder (
    task_id  VARCHAR(64)  NOT NULL,
    kind     VARCHAR(16)  NOT NULL,
    due_at   TIMESTAMP    NOT NULL,
    sent_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (task_id, kind, due_at)
);
