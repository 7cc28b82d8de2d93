package cn.rdfund.selection;

import cn.rdfund.call.CallDraft;
import cn.rdfund.system.tasks.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names shared by bpmn/call/FundingCall.bpmn and the code that drives or tests it. */
public final class FundingCallProcess {

    public static final String KEY = "FundingCall";

    public static final String TASK_DRAFT = "Task_DraftCall";
    public static final String TASK_APPROVE = "Task_ApproveCall";
    public static final String TASK_CLOSE_WINDOW = "Task_CloseApplicationWindow";
    public static final String PUBLISH = "ServiceTask_PublishCall";
    public static final String CLOSE = "ServiceTask_CloseCall";
    public static final String WINDOW_EXPIRED = "BoundaryEvent_ApplicationWindowExpired";
    /** Waiting for the next application to end (message ApplicationSettled); no timer. */
    public static final String AWAIT_REVIEWS = "MessageEvent_ApplicationSettled";
    public static final String APPLICATION_SETTLED = "MessageEvent_ApplicationSettled";
    public static final String RANK = "ServiceTask_RankApplications";
    public static final String TASK_PUBLIC_NOTICE = "Task_PublicNotice";
    public static final String TASK_HANDLE_OBJECTION = "Task_HandleObjection";
    public static final String NOTICE_ENDED = "BoundaryEvent_NoticeEnded";
    public static final String END_NO_FUNDABLE = "EndEvent_NoFundableApplication";
    public static final String END_PROJECTS_APPROVED = "EndEvent_ProjectsApproved";

    public static final String INITIATOR = "initiator";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";
    public static final String CALL_ID = "callId";
    public static final String CALL_CODE = "callCode";
    public static final String CLOSES_AT = "closesAt";
    public static final String REVIEWS_FINISHED = "reviewsFinished";
    public static final String PENDING_APPLICATIONS = "pendingApplications";
    public static final String NOTICE_ROUND = "noticeRound";
    public static final String SELECTED_COUNT = "selectedCount";
    public static final String SELECTION_NOTICE = "selectionNotice";
    /** For the 处室 only, never published: the applications reviewed by fewer experts than the panel size. */
    public static final String REVIEW_SHORTFALLS = "reviewShortfalls";
    public static final String SELECTED_OPTIONS = "selectedOptions";
    public static final String NOTICE_ENDS_AT = "noticeEndsAt";
    public static final String NOTICE_ENDS_DISPLAY = "noticeEndsDisplay";
    public static final String OBJECTION_APPLICATION_ID = "objectionApplicationId";
    public static final String OBJECTION = "objection";
    public static final String OBJECTION_REGISTERED_BY = "objectionRegisteredBy";
    public static final String OBJECTION_TARGET = "objectionTarget";
    public static final String OBJECTION_DECISION = "objectionDecision";
    public static final String OBJECTION_REASON = "objectionReason";
    public static final String UPHELD = "UPHELD";
    public static final String REJECTED = "REJECTED";

    /** The variables of a FundingCall instance (or one of its tasks), typed, as the steps read them. */
    static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /** What the steps read from an instance: each variable named once, with its type and what an absent one means. */
    static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        /** The call as drafted and approved (the draft form's values, read by CallDraft). */
        CallDraft draft() {
            return CallDraft.from(values());
        }

        /** The round of ranking and notice; 1 until an upheld objection opens the next. */
        int noticeRound() {
            return intOr(NOTICE_ROUND, 1);
        }

        /** The application an objection concerns (the form's choice of a selected one). */
        long objectionApplicationId() {
            return Long.parseLong(text(OBJECTION_APPLICATION_ID));
        }

        String objection() {
            return text(OBJECTION);
        }

        String objectionRegisteredBy() {
            return (String) value(OBJECTION_REGISTERED_BY);
        }

        String objectionDecision() {
            return text(OBJECTION_DECISION);
        }

        String objectionReason() {
            return text(OBJECTION_REASON);
        }
    }

    private FundingCallProcess() {
    }
}
