package cn.rdfund.challenge;

import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.ProcessVariables;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names shared by bpmn/challenge/Challenge.bpmn (揭榜挂帅: demand to acceptance) and
 * bpmn/challenge/ChallengeMilestone.bpmn (one team's milestone), and the code that drives or tests them.
 */
public final class ChallengeProcess {

    public static final String KEY = "Challenge";
    public static final String MILESTONE_KEY = "ChallengeMilestone";

    public static final String TASK_REGISTER = "Task_RegisterDemand";
    public static final String TASK_CHECK = "Task_CheckDemand";
    public static final String TASK_PUBLISH = "Task_PublishChallenge";
    public static final String TASK_WINDOW = "Task_ChallengeWindow";
    public static final String TASK_REPUBLISH = "Task_DecideRepublish";
    public static final String TASK_SELECT = "Task_SelectSolvers";
    public static final String TASK_DRAFT_CONTRACT = "Task_DraftContract";
    public static final String TASK_COUNTERSIGN = "Task_CountersignContract";
    public static final String TASK_SUBMIT_ACCEPTANCE = "Task_SubmitChallengeAcceptance";
    public static final String TASK_SIGN_OFF = "Task_SignOffAcceptance";
    public static final String TASK_READ_GATE_OUTCOME = "Task_ReadGateOutcome";
    public static final String WINDOW_CLOSED = "BoundaryEvent_WindowClosed";
    /** Waiting for the next team's application to end (message ApplicationSettled); no timer. */
    public static final String AWAIT_REVIEWS = "MessageEvent_ApplicationSettled";
    public static final String APPLICATION_SETTLED = "MessageEvent_ApplicationSettled";
    public static final String REVIEWS_FINISHED = "reviewsFinished";
    public static final String PENDING_APPLICATIONS = "pendingApplications";
    public static final String END_REJECTED = "EndEvent_DemandRejected";
    public static final String END_UNFILLED = "EndEvent_Unfilled";
    public static final String END_CANCELLED = "EndEvent_ChallengeCancelled";
    public static final String END_SOLVED = "EndEvent_ChallengeSolved";
    public static final String END_FAILED = "EndEvent_ChallengeFailed";

    public static final String TASK_REPORT_MILESTONE = "Task_ReportMilestone";
    public static final String TASK_CONFIRM_MILESTONE = "Task_ConfirmMilestone";
    public static final String TASK_DECLARE_PAYMENT = "Task_DeclareOwnerPayment";
    public static final String TASK_CONFIRM_PAYMENT = "Task_ConfirmOwnerPayment";

    public static final String INITIATOR = "initiator";
    public static final String OWNER_NAME = "ownerName";
    public static final String CHALLENGE_ID = "challengeId";
    public static final String PROJECT_ID = "projectId";
    public static final String PROJECT_CODE = "projectCode";
    public static final String TITLE = "title";
    public static final String TEAM_ID = "teamId";
    public static final String MILESTONE_SEQ = "milestoneSeq";
    public static final String SOLVER = "solver";
    public static final String TEAM_NAME = "teamName";

    // demand (需求登记) and its revision at (re)publication
    public static final String CHALLENGE_TEXT = "challengeText";
    public static final String INDICATORS = "indicators";
    public static final String SOLVE_BY = "solveBy";
    public static final String COMMITTED_WAN = "committedWan";
    public static final String PARALLEL_TEAMS = "parallelTeams";
    public static final String AREAS = "areas";
    public static final String CHECK_DECISION = "demandCheckDecision";
    public static final String CHECK_COMMENT = "demandCheckComment";
    public static final String VERDICT = "verdict";
    public static final String ASSESSMENT_COMMENT = "assessmentComment";
    public static final String FINDINGS = "findings";
    /** A team's acceptance panel's verdict, local to the team. */
    public static final String PANEL_VERDICT = "panelVerdict";
    public static final String CLOSES_ON = "closesOn";
    public static final String CLOSES_AT = "closesAt";
    public static final String PUBLISH_ROUND = "publishRound";
    public static final String WINDOW_ACTION = "windowAction";
    public static final String CANCEL_REASON = "cancelReason";
    public static final String QUALIFIED_COUNT = "qualifiedCount";
    public static final String QUALIFIED_OPTIONS = "qualifiedOptions";
    public static final String QUALIFIED_SUMMARY = "qualifiedSummary";
    public static final String REPUBLISH_DECISION = "republishDecision";
    public static final String REPUBLISH_NOTE = "republishNote";
    public static final String SELECTION_ACTION = "selectionAction";
    public static final String SELECTED_APPLICATIONS = "selectedApplications";
    public static final String OWNER_ASSESSMENT = "ownerAssessment";
    public static final String HORSE_RACE = "horseRace";
    public static final String GATE_RESULT = "stageGateResult";
    /** A cut team's own outcome, on its 赛马结果告知 task alone. */
    public static final String GATE_OUTCOME = "gateOutcome";

    // contract (任务签订)
    public static final String CONTRACT_MILESTONES = "contractMilestones";
    public static final String CONTRACT_PAYMENTS = "contractPayments";
    public static final String CONTRACT_INDICATORS = "contractIndicators";
    public static final String CONTRACT_ACCEPTANCE = "contractAcceptance";
    public static final String SOLVER_COMMENT = "solverComment";
    public static final String COUNTERSIGN_DECISION = "countersignDecision";
    public static final String COUNTERSIGN_COMMENT = "countersignComment";

    // milestones (里程碑核查) and the 发榜方's payments
    public static final String MILESTONE_REPORT = "milestoneReport";
    public static final String CONFIRMATION = "milestoneConfirmation";
    public static final String STAGE_SCORE = "stageScore";
    public static final String OWNER_OPINION = "ownerOpinion";
    public static final String PAID_WAN = "paidWan";
    public static final String PAYMENT_VOUCHER = "paymentVoucher";
    public static final String PAYMENT_DECISION = "paymentDecision";
    public static final String PAYMENT_COMMENT = "paymentComment";
    public static final String PAYMENT_CONFIRMED_BY = "paymentConfirmedBy";
    public static final String SUPPORT_DUE = "supportDue";
    public static final String PAYMENT_DUE = "paymentDue";
    /** The acceptance milestone: passed by the acceptance, only its payment and support are left. */
    public static final String ACCEPTANCE = "acceptance";
    public static final String FOLLOW_UP = "followUpNote";
    public static final String TASK_ACCEPT_CONTRACT = "Task_AcceptContract";
    public static final String TASK_ESCALATE_MILESTONE = "Task_EscalateMilestone";
    public static final String REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";

    // acceptance (验收)
    public static final String FINAL_REPORT = "finalReport";
    public static final String ACHIEVED_INDICATORS = "achievedIndicators";
    public static final String SIGN_OFF_DECISION = "signOffDecision";
    public static final String SIGN_OFF_OPINION = "signOffOpinion";

    // decisions as the forms submit them
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String REJECT = "REJECT";
    public static final String CLOSE = "CLOSE";
    public static final String CANCEL = "CANCEL";
    public static final String REPUBLISH = "REPUBLISH";
    public static final String END = "END";
    public static final String SELECT = "SELECT";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";
    public static final String CONFIRM = "CONFIRM";
    public static final String DISPUTE = "DISPUTE";
    public static final String SIGN = "SIGN";
    public static final String REFUSE = "REFUSE";
    public static final String AGREE = "AGREE";
    public static final String OBJECT = "OBJECT";

    /** A republication after 流标 is allowed once: the second 流标 ends the list. */
    public static final int MAX_PUBLISH_ROUNDS = 2;

    /**
     * What the model's expressions ask about the teams (bean {@code challengeTeams}, in TeamDelegates): the
     * multi-instance steps' teams of the instance's challenge, and how a team's milestone or acceptance went.
     */
    public interface Teams {
        List<Long> selected(DelegateExecution execution);

        List<Long> contracted(DelegateExecution execution);

        List<Long> active(DelegateExecution execution);

        boolean milestoneMet(Long teamId, Integer seq);

        int lastMilestone(Long teamId);

        boolean accepted(Long teamId);
    }

    /** The variables of a Challenge or ChallengeMilestone instance (or one of its tasks), typed, as the steps read them. */
    public static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /** What the steps read from an instance: each variable named once, with its type and what an absent one means. */
    public static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        public long challengeId() {
            return number(CHALLENGE_ID).longValue();
        }

        /** The team a team's step (or a milestone instance) works on. */
        public long teamId() {
            return number(TEAM_ID).longValue();
        }

        int milestoneSeq() {
            return number(MILESTONE_SEQ).intValue();
        }

        String initiator() {
            return (String) value(INITIATOR);
        }

        /** The demand as registered (form values parsed by ChallengeForms). */
        ChallengeDemand demand() {
            return ChallengeForms.demand(values());
        }

        Set<String> areas() {
            return new LinkedHashSet<>(FormValues.texts(value(AREAS)));
        }

        /** The manager rejected the demand at the formal check (otherwise the experts did). */
        boolean rejectedAtCheck() {
            return REJECT.equals(value(CHECK_DECISION));
        }

        String checkComment() {
            return string(CHECK_COMMENT);
        }

        /** The last expert panel's findings; null when no panel sat. */
        String findings() {
            return string(FINDINGS);
        }

        ChallengeForms.Publication publication() {
            return ChallengeForms.publication(values());
        }

        String cancelReason() {
            return string(CANCEL_REASON);
        }

        /** The publication's round, as recorded at 发榜. */
        int publishRound() {
            return number(PUBLISH_ROUND).intValue();
        }

        /** Why the challenge is republished; null when it was not. */
        String republishNote() {
            return string(REPUBLISH_NOTE);
        }

        /** The applications the 发榜方 selected (ids). */
        List<Long> selectedApplications() {
            return FormValues.texts(value(SELECTED_APPLICATIONS)).stream().map(Long::valueOf).toList();
        }

        String teamName() {
            return string(TEAM_NAME);
        }

        String contractMilestones() {
            return text(CONTRACT_MILESTONES);
        }

        String contractPayments() {
            return text(CONTRACT_PAYMENTS);
        }

        String contractIndicators() {
            return text(CONTRACT_INDICATORS);
        }

        Object panelVerdict() {
            return value(PANEL_VERDICT);
        }

        boolean signedOff() {
            return SIGN.equals(value(SIGN_OFF_DECISION));
        }

        String signOffOpinion() {
            return string(SIGN_OFF_OPINION);
        }

        String milestoneReport() {
            return text(MILESTONE_REPORT);
        }

        /** The 发榜方's stage score (checked on completion, so a whole number). */
        int stageScore() {
            return FormValues.integer(value(STAGE_SCORE));
        }

        boolean milestoneConfirmed() {
            return CONFIRM.equals(value(CONFIRMATION));
        }

        String ownerOpinion() {
            return text(OWNER_OPINION);
        }

        /** This milestone instance is the acceptance milestone (passed by the acceptance). */
        boolean acceptance() {
            return Boolean.TRUE.equals(value(ACCEPTANCE));
        }

        /** The 发榜方's payment in yuan (checked on completion, so present). */
        BigDecimal paid() {
            return WanInput.toYuan(text(PAID_WAN)).orElseThrow();
        }

        String paymentVoucher() {
            return text(PAYMENT_VOUCHER);
        }

        String paymentConfirmedBy() {
            return (String) value(PAYMENT_CONFIRMED_BY);
        }



        /** A free text as the messages quote it (null stays null). */
    }

    private ChallengeProcess() {
    }
}
