package cn.rdfund.review;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Names shared by bpmn/review/ExpertReview.bpmn and the code that drives or tests it. The review's
 * business key is the process instance id of the application it reviews (set by the engine in the
 * calling process, so no user can change it).
 */
public final class ExpertReviewProcess {

    public static final String KEY = "ExpertReview";

    public static final String DRAW = "ServiceTask_DrawPanel";
    public static final String PER_EXPERT = "SubProcess_ExpertReview";
    public static final String TASK_DECLARE = "Task_DeclareConflict";
    public static final String DECLARATION_OVERDUE = "BoundaryEvent_DeclarationOverdue";
    public static final String REPLACE = "ServiceTask_ReplaceExpert";
    public static final String NO_REPLACEMENT = "EndEvent_NoReplacement";
    public static final String TASK_SCORE = "Task_ScoreApplication";
    public static final String RECORD = "ServiceTask_RecordReview";
    public static final String AGGREGATE = "ServiceTask_AggregateReviews";
    public static final String TASK_CONSENSUS = "Task_ReachConsensus";
    public static final String RECORD_CONSENSUS = "ServiceTask_RecordConsensus";
    public static final String END_REVIEWED = "EndEvent_ReviewCompleted";

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

    private ExpertReviewProcess() {
    }
}
