package cn.rdfund.selection;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 审核指南 starts blank each round (the drafter has seen the last comment); earlier rounds stay in the history. */
@Component("freshApproval")
class FreshApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().removeVariables(List.of(FundingCallProcess.APPROVAL_DECISION, FundingCallProcess.APPROVAL_COMMENT));
    }
}
