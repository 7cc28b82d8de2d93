package cn.rdfund.system.tasks;

import java.util.ArrayList;
import java.util.List;

/** Checks that many task-completion rules share, with the messages the person completing the task reads. */
public final class CompletionChecks {

    private CompletionChecks() {
    }

    /**
     * A two-way decision ({@code yes} or {@code no}) and, for {@code no}, a comment saying why. Returns a
     * modifiable list so that a rule can add its own problems.
     */
    public static List<String> decisionWithReason(TaskCompletion completion, String decisionField, String commentField,
            String yes, String no, String missingDecision, String missingComment) {
        List<String> problems = new ArrayList<>();
        String decision = FormValues.text(completion.get(decisionField));
        if (!yes.equals(decision) && !no.equals(decision)) {
            problems.add(missingDecision);
        }
        String comment = FormValues.text(completion.get(commentField));
        if (no.equals(decision) && (comment == null || comment.isEmpty())) {
            problems.add(missingComment);
        }
        return problems;
    }
}
