package cn.rdfund.execution;

import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.ProcessVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names shared by bpmn/project/ProjectExecution.bpmn and the code that drives or tests it. */
public final class ProjectExecutionProcess {

    public static final String KEY = "ProjectExecution";

    public static final String TASK_DRAFT_AGREEMENT = "Task_DraftAgreement";
    public static final String TASK_APPROVE_AGREEMENT = "Task_ApproveAgreement";
    public static final String TASK_START_MIDTERM = "Task_StartMidtermCheck";
    public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
    public static final String TASK_RECTIFY = "Task_Rectify";
    public static final String TASK_FINAL_REPORT = "Task_SubmitFinalReport";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String TASK_CONFIRM_RECOVERY = "Task_ConfirmRecovery";
    public static final String TASK_RECORD_REPAYMENT = "Task_RecordRepayment";
    public static final String TASK_REVIEW_REPAYMENT = "Task_ReviewRepayment";
    public static final String TASK_ESCALATE = "Task_EscalateOverdue";
    public static final String SIGNING_INSTALMENTS = "CallActivity_SigningInstalments";
    public static final String MIDTERM_INSTALMENTS = "CallActivity_MidtermInstalments";
    public static final String ACCEPTANCE_INSTALMENTS = "CallActivity_AcceptanceInstalments";
    public static final String MIDTERM_DUE = "BoundaryEvent_MidtermDue";
    public static final String AGREEMENT_OVERDUE = "BoundaryEvent_AgreementOverdue";
    public static final String RECTIFICATION_OVERDUE = "BoundaryEvent_RectificationOverdue";
    public static final String END_ACCEPTED = "EndEvent_ProjectAccepted";
    public static final String END_NOTHING_TO_RECOVER = "EndEvent_TerminatedNothingToRecover";
    public static final String END_RECOVERED = "EndEvent_FundsRecovered";

    public static final String PROJECT_ID = "projectId";
    public static final String PROJECT_CODE = "projectCode";
    public static final String TITLE = "title";
    public static final String APPLICANT = "applicant";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String APPROVED_DISPLAY = "approvedDisplay";

    public static final String MILESTONES = "milestones";
    public static final String MIDTERM_DATE = "midtermDate";
    public static final String INDICATORS = "indicators";
    public static final String AGREEMENT_DECISION = "agreementDecision";
    public static final String AGREEMENT_COMMENT = "agreementComment";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";
    public static final String REFUSE = "REFUSE";
    public static final String MIDTERM_AT = "midtermAt";
    public static final String MIDTERM_DISPLAY = "midtermDisplay";
    public static final String SPENT_DISPLAY = "spentDisplay";
    public static final String RECHECK_INFO = "recheckInfo";
    public static final String END_DATE = "endDate";

    public static final String PROGRESS_REPORT = "progressReport";
    public static final String RECTIFICATION_REPORT = "rectificationReport";
    public static final String SPENT_WAN = "spentWan";
    public static final String VERDICT = "verdict";
    public static final String ASSESSMENT_COMMENT = "assessmentComment";
    public static final String MIDTERM_ROUND = "midtermRound";
    public static final String MIDTERM_VERDICT = "midtermVerdict";
    /** The mid-term panel's verdict that sends the project into rectification (ExpertPanel's PanelVerdict names). */
    public static final String RECTIFY = "RECTIFY";
    public static final String FINDINGS = "panelFindings";

    public static final String FINAL_REPORT_ACTION = "finalReportAction";
    public static final String SUBMIT = "SUBMIT";
    public static final String EXTEND = "EXTEND";
    public static final String ACHIEVED_INDICATORS = "achievedIndicators";
    public static final String AUDIT_REPORT_NO = "auditReportNo";
    public static final String FINAL_REPORT = "finalReport";
    public static final String EXTENSION_MONTHS = "extensionMonths";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_REQUESTED = "extensionRequested";
    public static final String EXTENSION_INFO = "extensionInfo";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_COMMENT = "extensionComment";
    public static final String ACCEPTANCE_DUE_AT = "acceptanceDueAt";
    public static final String ACCEPTANCE_DUE_DATE = "acceptanceDueDate";

    public static final String ESCALATION_NOTE = "escalationNote";

    public static final String FUNDED_DISPLAY = "fundedDisplay";
    public static final String PAID_DISPLAY = "paidDisplay";
    public static final String RECOVERY_DISPLAY = "recoveryDisplay";
    public static final String RECOVERY_NEEDED = "recoveryNeeded";
    public static final String RECOVERY_CONFIRMED = "recoveryConfirmed";
    public static final String RECOVERY_CONFIRMED_BY = "recoveryConfirmedBy";
    public static final String REPAID_WAN = "repaidWan";
    public static final String RECEIPT_NO = "receiptNo";
    public static final String REPAYMENT_RECORDED_BY = "repaymentRecordedBy";
    public static final String REPAYMENT_REVIEW = "repaymentReview";
    public static final String REPAYMENT_REVIEW_COMMENT = "repaymentReviewComment";
    public static final String REPAYMENT_REVIEWED_BY = "repaymentReviewedBy";
    /** 复核 of a repayment receipt: confirmed, or {@link #RETURN} to record it again. */
    public static final String CONFIRM = "CONFIRM";
    public static final String REPAYMENT_NO = "repaymentNo";
    public static final String FULLY_REPAID = "fullyRepaid";
    public static final String OUTSTANDING_DISPLAY = "outstandingDisplay";

    /** The project a ProjectExecution instance (or one of its tasks) works on. */
    public static long projectId(VariableScope scope) {
        return of(scope).projectId();
    }

    /** The variables of an instance (or one of its tasks), typed, as the steps read them. */
    public static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /** What the steps read from an instance: each variable named once, with its type and what an absent one means. */
    public static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        public long projectId() {
            return number(PROJECT_ID).longValue();
        }

        /** The agreement's mid-term date (the form's date field, possibly with a time). */
        LocalDate midtermDate() {
            return LocalDate.parse(text(MIDTERM_DATE).substring(0, 10));
        }

        String milestones() {
            return text(MILESTONES);
        }

        String indicators() {
            return text(INDICATORS);
        }

        /** How many mid-term rounds were opened; 0 before the first. */
        int midtermRound() {
            return intOr(MIDTERM_ROUND, 0);
        }

        Object panelFindings() {
            return value(FINDINGS);
        }

        Object rectificationReport() {
            return value(RECTIFICATION_REPORT);
        }

        Object midtermVerdict() {
            return value(MIDTERM_VERDICT);
        }

        boolean extensionAsked() {
            return EXTEND.equals(text(FINAL_REPORT_ACTION));
        }

        /** The spent funds the final report states, in yuan; empty when none was entered. */
        Optional<BigDecimal> spent() {
            return WanInput.toYuan(text(SPENT_WAN));
        }

        int extensionMonths() {
            return FormValues.integer(value(EXTENSION_MONTHS));
        }

        boolean extensionApproved() {
            return APPROVE.equals(text(EXTENSION_DECISION));
        }

        String extensionComment() {
            return text(EXTENSION_COMMENT);
        }

        String recoveryConfirmedBy() {
            return (String) value(RECOVERY_CONFIRMED_BY);
        }

        boolean repaymentConfirmed() {
            return CONFIRM.equals(value(REPAYMENT_REVIEW));
        }

        boolean repaymentReturned() {
            return RETURN.equals(value(REPAYMENT_REVIEW));
        }

        /** The number of the last confirmed receipt; 0 before the first. */
        int repaymentNo() {
            return intOr(REPAYMENT_NO, 0);
        }

        /** The receipt's amount in yuan (checked on completion, so present). */
        BigDecimal repaid() {
            return WanInput.toYuan(text(REPAID_WAN)).orElseThrow();
        }

        String receiptNo() {
            return text(RECEIPT_NO);
        }

        String repaymentReviewedBy() {
            return (String) value(REPAYMENT_REVIEWED_BY);
        }
    }

    private ProjectExecutionProcess() {
    }
}
