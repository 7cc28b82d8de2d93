package cn.rdfund.claim;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.ProcessVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names shared by bpmn/claim/PolicyClaim.bpmn, its forms and the code that drives or tests it. */
public final class PolicyClaimProcess {

    public static final String KEY = "PolicyClaim";

    public static final String TASK_SUBMIT = "Task_SubmitClaim";
    public static final String TASK_CHECK = "Task_CheckClaim";
    public static final String TASK_CONSULT = "Task_ConsultCoUnit";
    public static final String TASK_COMMITTEE = "Task_RecordCommitteeDecision";
    public static final String TASK_APPROVE = "Task_ApproveClaim";
    public static final String TASK_CONCLUDE_NOTICE = "Task_ConcludeNotice";
    public static final String NOTICE_ENDS = "TimerEvent_NoticeEnds";
    public static final String INSTALMENT_DUE = "TimerEvent_InstalmentDue";
    public static final String END_PAID = "EndEvent_ClaimPaid";

    public static final String CLAIM_ID = "claimId";
    public static final String CLAIMANT = "claimant";
    public static final String CLAIM_ACTION = "claimAction";
    public static final String SUBMIT = "SUBMIT";
    public static final String WITHDRAW = "WITHDRAW";

    public static final String CHECK_DECISION = "checkDecision";
    public static final String CHECK_COMMENT = "checkComment";
    public static final String PASS = "PASS";
    public static final String CORRECT = "CORRECT";
    public static final String REJECT = "REJECT";

    public static final String CO_UNIT_GROUP = "coUnitGroup";
    public static final String CONSULT_OPINION = "consultOpinion";

    public static final String AWARD_KIND = "awardKind";

    public static final String COMMITTEE_DECISION = "committeeDecision";
    public static final String COMMITTEE_REF = "committeeRef";
    public static final String COMMITTEE_AMOUNT_WAN = "committeeAmountWan";
    public static final String COMMITTEE_RATIONALE = "committeeRationale";
    public static final String SUPPORT = "SUPPORT";
    public static final String DECLINE = "DECLINE";

    public static final String AMOUNT_DUE = "amountDue";

    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    public static final String NOTICE_RESULT = "noticeResult";
    public static final String NOTICE_COMMENT = "noticeComment";
    public static final String NO_OBJECTION = "NO_OBJECTION";
    public static final String OBJECTION_UPHELD = "OBJECTION_UPHELD";

    /** The multi-instance counter of 分期兑现: which instalment (1, 2, …) the execution pays. */
    public static final String INSTALMENT_SEQ = "instalmentSeq";

    /** What the model's multi-instance expressions ask (bean {@code claimRouting}, in ClaimDelegates). */
    public interface Routing {
        List<String> coUnits(DelegateExecution execution);

        List<Integer> instalments(DelegateExecution execution);
    }

    /** What the instalment timer asks (bean {@code claimTimes}, in ClaimDelegates). */
    public interface Times {
        String instalmentDue(DelegateExecution execution);
    }

    private PolicyClaimProcess() {
    }

    static long claimId(VariableScope scope) {
        return of(scope).claimId();
    }

    /** The variables of a PolicyClaim instance (or one of its tasks), typed, as the steps read them. */
    static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /** What the steps read from an instance: each variable named once, with its type and what an absent one means. */
    static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        long claimId() {
            return number(CLAIM_ID).longValue();
        }

        boolean withdrawn() {
            return ClaimForm.withdrawn(values());
        }

        /** The claim form as submitted, parsed by ClaimForm (its checks ran on completion). */
        ClaimForm.Parsed claimForm(LocalDate today, ClaimForm.MeasureFields measureFields) {
            return ClaimForm.parse(values(), today, measureFields);
        }

        String checkDecision() {
            return text(CHECK_DECISION);
        }

        String checkComment() {
            return text(CHECK_COMMENT);
        }

        /** The co-unit a consultation task asks (the multi-instance element). */
        LeadUnit coUnit() {
            return LeadUnit.ofGroup((String) value(CO_UNIT_GROUP)).orElseThrow();
        }

        String consultOpinion() {
            return text(CONSULT_OPINION);
        }

        boolean committeeSupports() {
            return SUPPORT.equals(text(COMMITTEE_DECISION));
        }

        String committeeRef() {
            return text(COMMITTEE_REF);
        }

        /** The amount the committee supports, in yuan (checked on completion when it supports). */
        BigDecimal committeeAmount() {
            return WanInput.toYuan(text(COMMITTEE_AMOUNT_WAN)).orElseThrow();
        }

        String committeeRationale() {
            return text(COMMITTEE_RATIONALE);
        }

        boolean approved() {
            return APPROVE.equals(text(APPROVAL_DECISION));
        }

        String approvalComment() {
            return text(APPROVAL_COMMENT);
        }

        /** The instalment the execution is about to pay (the multi-instance element, 1, 2, …). */
        int instalmentSeq() {
            return number(INSTALMENT_SEQ).intValue();
        }

        /** The claim's title as the disbursement shows it. */
        String title() {
            return string(DisbursementProcess.TITLE);
        }

        boolean objectionUpheld() {
            return OBJECTION_UPHELD.equals(text(NOTICE_RESULT));
        }

        String noticeComment() {
            return text(NOTICE_COMMENT);
        }
    }
}
