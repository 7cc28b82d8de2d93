package cn.rdfund.disbursement;

import static cn.rdfund.disbursement.DisbursementProcess.*;

import cn.rdfund.system.tasks.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of bpmn/disbursement/Disbursement.bpmn. The approver is stamped from the engine's login, never
 * taken from a variable a user could submit.
 */
@Configuration
class DisbursementDelegates {

    @Bean
    JavaDelegate computeInstalment(DisbursementService disbursements) {
        return execution -> execution.setVariables(disbursements.view(projectId(execution), seq(execution)));
    }

    @Bean
    TaskListener stampDisbursementApprover() {
        return task -> task.setVariable(APPROVED_BY, CurrentUser.of(task));
    }

    @Bean
    JavaDelegate recordPayment(DisbursementService disbursements) {
        return execution -> disbursements.pay(projectId(execution), seq(execution),
                (String) execution.getVariable(APPROVED_BY), execution.getProcessInstanceId());
    }

    private static int seq(DelegateExecution execution) {
        return ((Number) execution.getVariable(INSTALMENT_SEQ)).intValue();
    }
}
