package cn.rdfund.selection;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.system.tasks.ProcessStarter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_PublishCall: writes the approved draft as a published call and hands the window's end to the timer. */
@Component("publishCall")
class PublishCallDelegate implements JavaDelegate {

    private final FundingCallService calls;
    private final ProcessStarter starter;

    PublishCallDelegate(FundingCallService calls, ProcessStarter starter) {
        this.calls = calls;
        this.starter = starter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FundingCall call = calls.publish(FundingCallProcess.of(execution).draft(), execution.getProcessInstanceId(),
                starter.of(execution.getProcessInstanceId()));
        execution.setVariable(FundingCallProcess.CALL_ID, call.id());
        execution.setVariable(FundingCallProcess.CALL_CODE, call.code());
        // The case code as business key: the call is found by it in Cockpit and the REST API.
        execution.setProcessBusinessKey(call.code());
        execution.setVariable(FundingApplicationProcess.APPLICATIONS_RECEIVED, 0L);
        execution.setVariable(FundingCallProcess.CLOSES_AT, calls.closesAtForTimer(call));
    }
}
