package cn.rdfund.review;

import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.ProcessVariables;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names shared by bpmn/review/ExpertReview.bpmn and the code that drives or tests it. The review's
 * business key is the process instance id of the application it reviews (set by the engine in the
 * calling process, so no user can change it).
 */
public final class ExpertReviewProcess {

    public static final String KEY = "ExpertReview";

    public static final String TASK_DECLARE = "Task_DeclareConflict";
    public static final String DECLARATION_OVERDUE = "BoundaryEvent_DeclarationOverdue";
    public static final String REPLACE = "ServiceTask_ReplaceExpert";
    public static final String NO_REPLACEMENT = "EndEvent_NoReplacement";
    public static final String TASK_SCORE = "Task_ScoreApplication";
    public static final String TASK_CONSENSUS = "Task_ReachConsensus";
    public static final String END_REVIEWED = "EndEvent_ReviewCompleted";

    /** The application's process instance, which the reviews are recorded under (handed in by the caller). */
    public static final String APPLICATION_PROCESS = "applicationProcessId";
    public static final String EXPERT = "expert";
    public static final String DECLARATION = "conflictDeclaration";
    public static final String CONFLICT_REASON = "conflictReason";
    public static final String NO_CONFLICT = "NONE";
    public static final String CONFLICT = "CONFLICT";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String REPLACEMENT_FOUND = "replacementFound";
    public static final String NEEDS_CONSENSUS = "needsConsensus";
    public static final String REVIEW_SCORE = "reviewScore";
    public static final String REVIEW_SUMMARY = "reviewSummary";
    public static final String CONSENSUS_SCORE = "consensusScore";
    public static final String CONSENSUS_REASON = "consensusReason";
    public static final String CONSENSUS_BY = "consensusBy";

    /**
     * The multi-instance collection of the experts' parts ({@code ${reviewPanel.experts(execution)}}, bean defined in
     * ReviewDelegates): the experts drawn for this review, read from the database, not from a variable.
     */
    public interface DrawnExperts {
        List<String> experts(DelegateExecution execution);
    }

    /** The variables of an ExpertReview instance (or one expert's part of it), typed, as the steps read them. */
    static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /** What the steps read from an instance: each variable named once, with its type and what an absent one means. */
    static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        /**
         * The application's process instance whose reviews these are. A review started before applications had a
         * code (申报编号) has none handed in: its business key was that instance's id.
         */
        String applicationProcess(String businessKey) {
            String passed = text(APPLICATION_PROCESS);
            return passed == null ? businessKey : passed;
        }

        /** The expert whose part this is (the multi-instance element). */
        String expert() {
            return (String) value(EXPERT);
        }

        boolean conflictDeclared() {
            return CONFLICT.equals(text(DECLARATION));
        }

        String conflictReason() {
            return text(CONFLICT_REASON);
        }

        /** An expert's score for each criterion, by the criterion's key, as the score form submitted it. */
        Function<String, Object> scoreInput() {
            return this::value;
        }

        String reviewComment() {
            return text(REVIEW_COMMENT);
        }

        /** The consensus score (checked on completion, so a whole number), with two decimals like the others. */
        BigDecimal consensusScore() {
            return BigDecimal.valueOf(FormValues.integer(value(CONSENSUS_SCORE))).setScale(2);
        }

        String consensusReason() {
            return text(CONSENSUS_REASON);
        }

        String consensusBy() {
            return (String) value(CONSENSUS_BY);
        }
    }

    private ExpertReviewProcess() {
    }
}
