package cn.rdfund.call;

/** Names shared by bpmn/call/FundingCall.bpmn and the code that drives or tests it. */
public final class FundingCallProcess {

    public static final String KEY = "FundingCall";

    public static final String TASK_DRAFT = "Task_DraftCall";
    public static final String TASK_APPROVE = "Task_ApproveCall";
    public static final String TASK_CLOSE_WINDOW = "Task_CloseApplicationWindow";
    public static final String PUBLISH = "ServiceTask_PublishCall";
    public static final String CLOSE = "ServiceTask_CloseCall";
    public static final String WINDOW_EXPIRED = "BoundaryEvent_ApplicationWindowExpired";
    public static final String END_CLOSED = "EndEvent_ApplicationsClosed";

    public static final String INITIATOR = "initiator";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";
    public static final String CALL_ID = "callId";
    public static final String CALL_CODE = "callCode";
    public static final String CLOSES_AT = "closesAt";

    private FundingCallProcess() {
    }
}
