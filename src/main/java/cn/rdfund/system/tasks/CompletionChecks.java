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
    /**
     * A required text of at most {@code max} characters. {@code missing} reads "请填写…"; the length problem is
     * said with the same words ("…不超过N字").
     */
    public static List<String> requiredText(TaskCompletion completion, String field, String missing, int max) {
        String text = FormValues.text(completion.get(field));
        if (text == null || text.isEmpty()) {
            return List.of(missing);
        }
        return text.length() > max ? List.of(missing.replace("请填写", "") + "不超过" + max + "字") : List.of();
    }

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
