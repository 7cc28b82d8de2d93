package cn.rdfund.disbursement;

/** Names shared by bpmn/disbursement/Disbursement.bpmn and the code that drives or tests it. */
public final class DisbursementProcess {

    public static final String KEY = "Disbursement";

    public static final String TASK_APPROVE = "Task_ApproveDisbursement";
    public static final String TASK_RESOLVE_RETURN = "Task_ResolveDisbursementReturn";
    public static final String RECORD_PAYMENT = "ServiceTask_RecordPayment";
    public static final String END_PAID = "EndEvent_InstalmentPaid";

    public static final String INSTALMENT_SEQ = "instalmentSeq";
    public static final String DECISION = "disbursementDecision";
    public static final String COMMENT = "disbursementComment";
    public static final String APPROVED_BY = "disbursementApprovedBy";
    public static final String RETURN_REPLY = "returnReply";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";

    public static final String RECOVERY_NEEDED = "recoveryNeeded";
    public static final String RECOVERY_CONFIRMED = "recoveryConfirmed";
    public static final String RECOVERY_CONFIRMED_BY = "recoveryConfirmedBy";
    public static final String REPAID_WAN = "repaidWan";
    public static final String RECEIPT_NO = "receiptNo";
    public static final String REPAYMENT_RECORDED_BY = "repaymentRecordedBy";
    public static final String REPAYMENT_REVIEW = "repaymentReview";
    public static final String REPAYMENT_REVIEW_COMMENT = "repaymentReviewComment";
    public static final String REPAYMENT_REVIEWED_BY = "repaymentReviewedBy";
    public static final String CONFIRM = "CONFIRM";
    public static final String REPAYMENT_NO = "repaymentNo";
    public static final String FULLY_REPAID = "fullyRepaid";
    public static final String OUTSTANDING_DISPLAY = "outstandingDisplay";

    private DisbursementProcess() {
    }
}
