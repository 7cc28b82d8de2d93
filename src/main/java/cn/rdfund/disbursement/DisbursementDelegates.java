package cn.rdfund.disbursement;

import static cn.rdfund.disbursement.DisbursementProcess.*;

import cn.rdfund.system.tasks.CurrentUser;
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
        return execution -> {
            Variables vars = of(execution);
            execution.setVariables(disbursements.view(vars.projectId(), vars.instalmentSeq()));
        };
    }

    @Bean
    TaskListener stampDisbursementApprover() {
        return task -> task.setVariable(APPROVED_BY, CurrentUser.of(task));
    }

    @Bean
    JavaDelegate recordPayment(DisbursementService disbursements) {
        return execution -> {
            Variables vars = of(execution);
            disbursements.pay(vars.projectId(), vars.instalmentSeq(), vars.approvedBy(), execution.getProcessInstanceId());
        };
    }
}
