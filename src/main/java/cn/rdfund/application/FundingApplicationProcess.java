package cn.rdfund.application;

import cn.rdfund.system.tasks.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names shared by bpmn/application/FundingApplication.bpmn and the code that drives or tests it. */
public final class FundingApplicationProcess {

    public static final String KEY = "FundingApplication";

    public static final String TASK_FILL = "Task_FillApplication";
    public static final String TASK_FORMAL_CHECK = "Task_FormalCheck";
    public static final String TASK_CORRECT = "Task_CorrectApplication";
    public static final String SUBMIT = "ServiceTask_SubmitApplication";
    public static final String REJECT = "ServiceTask_RejectApplication";
    public static final String CORRECTION_OVERDUE = "BoundaryEvent_CorrectionOverdue";
    public static final String CALL_REVIEW = "CallActivity_ExpertReview";
    public static final String END_REJECTED = "EndEvent_ApplicationRejected";
    /** A first submission whose step ran after the call had closed (error WINDOW_CLOSED on 提交申报). */
    public static final String END_WINDOW_CLOSED = "EndEvent_WindowClosed";
    public static final String WINDOW_CLOSED = "WINDOW_CLOSED";

    /** The message both ends send to the call's process: one more application settled. */
    public static final String APPLICATION_SETTLED = "ApplicationSettled";

    public static final String INITIATOR = "initiator";
    public static final String CALL_ID = "callId";
    public static final String OPEN_CALLS = "openCalls";
    public static final String APPLICATION_ID = "applicationId";
    /** On the call's own process (FundingCall): how many applications it has received, shown by 截止申报. */
    public static final String APPLICATIONS_RECEIVED = "applicationsReceived";
    static final String FUNDING_CALL = "FundingCall";
    public static final String CHECK_DECISION = "formalCheckDecision";
    public static final String CHECK_COMMENT = "formalCheckComment";
    public static final String PASS = "PASS";
    public static final String CORRECT = "CORRECT";
    public static final String REJECT_DECISION = "REJECT";

    /** The variables of a FundingApplication instance, typed, as the steps read them. */
    static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /** What the steps read from an instance: the application form's values, read by the classes that know them. */
    static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        ApplicationDraft draft() {
            return ApplicationDraft.from(values());
        }

        ApplicationContent content() {
            return ApplicationContent.from(values());
        }
    }

    private FundingApplicationProcess() {
    }
}
