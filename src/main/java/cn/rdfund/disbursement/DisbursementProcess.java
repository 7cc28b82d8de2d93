package cn.rdfund.disbursement;

import cn.rdfund.system.tasks.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

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

    /** What a caller passes: the case (a project, a claim's funding record, a challenge's support) and its labels. */
    public static final String PROJECT_ID = "projectId";
    public static final String PROJECT_CODE = "projectCode";
    public static final String TITLE = "title";
    public static final String APPLICANT_NAME = "applicantName";
    /** The account the payment goes to, in words (a claim's 收款账户); finance reads it at approval. Absent for projects. */
    public static final String PAYEE = "payeeDisplay";

    /** The variables of a Disbursement instance (or one of its tasks), typed, as the steps read them. */
    static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /** What the steps read from an instance: each variable named once, with its type. */
    static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        /** The project (or funding record) the instance pays. */
        long projectId() {
            return number(PROJECT_ID).longValue();
        }

        /** The instalment it pays (1, 2, …), as the caller passed it. */
        int instalmentSeq() {
            return number(INSTALMENT_SEQ).intValue();
        }

        String approvedBy() {
            return (String) value(APPROVED_BY);
        }
    }

    private DisbursementProcess() {
    }
}
