package cn.rdfund.selection;

import cn.rdfund.call.FundingCallService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CloseCall: the application window is over, early or on time. */
@Component("closeCall")
class CloseCallDelegate implements JavaDelegate {

    private final FundingCallService calls;

    CloseCallDelegate(FundingCallService calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.closeOf(execution.getProcessInstanceId());
    }
}
