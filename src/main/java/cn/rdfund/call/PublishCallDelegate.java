package cn.rdfund.call;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_PublishCall: writes the approved draft as a published call and hands the window's end to the timer. */
@Component("publishCall")
class PublishCallDelegate implements JavaDelegate {

    private final FundingCallService calls;

    PublishCallDelegate(FundingCallService calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FundingCall call = calls.publish(CallDraft.from(execution.getVariables()), execution.getProcessInstanceId(),
                (String) execution.getVariable(FundingCallProcess.INITIATOR));
        execution.setVariable(FundingCallProcess.CALL_ID, call.id());
        execution.setVariable(FundingCallProcess.CALL_CODE, call.code());
        execution.setVariable(FundingCallProcess.CLOSES_AT, calls.closesAtForTimer(call));
    }
}
