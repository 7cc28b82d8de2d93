package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.disbursement.RecoveryService;
import cn.rdfund.money.Wan;
import cn.rdfund.system.tasks.CurrentUser;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The money steps of bpmn/project/ProjectExecution.bpmn: planning the instalments at signing, and after a
 * termination the recovery and its repayments (through disbursement's services). Confirmers are stamped from the
 * engine's login, never taken from a variable a user could submit.
 */
@Configuration
class ProjectMoneyDelegates {

    @Bean
    JavaDelegate planInstalments(DisbursementService disbursements) {
        return execution -> {
            var plan = disbursements.plan(projectId(execution));
            execution.setVariable(FUNDED_DISPLAY, Wan.format(plan.fundedAmount()));
        };
    }

    @Bean
    JavaDelegate computeRecovery(RecoveryService recoveries, DisbursementService disbursements) {
        return execution -> {
            long projectId = projectId(execution);
            BigDecimal unspent = recoveries.unspent(projectId);
            execution.setVariable(RECOVERY_NEEDED, unspent.signum() > 0);
            execution.setVariable(PAID_DISPLAY, Wan.formatExact(disbursements.paid(projectId)));
            execution.setVariable(RECOVERY_DISPLAY, Wan.formatExact(unspent));
        };
    }

    @Bean
    TaskListener stampRecoveryConfirmer() {
        return task -> task.setVariable(RECOVERY_CONFIRMED_BY,
                CurrentUser.of(task));
    }

    @Bean
    JavaDelegate recordRecovery(RecoveryService recoveries) {
        return execution -> {
            recoveries.demand(projectId(execution), of(execution).recoveryConfirmedBy(),
                    execution.getProcessInstanceId());
            execution.setVariable(OUTSTANDING_DISPLAY, Wan.formatExact(recoveries.outstanding(projectId(execution))));
        };
    }

    /**
     * The receipt form shows the review's comment as the reason of a 退回; after a confirmed receipt (money still
     * outstanding) the next one starts without it. The receipt's own fields are blanked by freshFormAnswers.
     */
    @Bean
    TaskListener keepOnlyReturnReason() {
        return task -> {
            if (!of(task).repaymentReturned()) {
                task.getExecution().removeVariable(REPAYMENT_REVIEW_COMMENT);
            }
        };
    }

    @Bean
    TaskListener stampRepaymentRecorder() {
        return task -> task.setVariable(REPAYMENT_RECORDED_BY, CurrentUser.of(task));
    }

    /**
     * Who confirmed the receipt (the ledger's approver), and its number: fixed with the task, so a rerun of the next
     * step books it once; a returned receipt gets no number.
     */
    @Bean
    TaskListener stampRepaymentReviewer() {
        return task -> {
            task.setVariable(REPAYMENT_REVIEWED_BY, CurrentUser.of(task));
            Variables vars = of(task);
            if (vars.repaymentConfirmed()) {
                task.setVariable(REPAYMENT_NO, vars.repaymentNo() + 1);
            }
        };
    }

    @Bean
    JavaDelegate recordRepayment(RecoveryService recoveries) {
        return execution -> {
            Variables vars = of(execution);
            long projectId = vars.projectId();
            recoveries.receive(projectId, vars.repaymentNo(), vars.repaid(), vars.receiptNo(), vars.repaymentReviewedBy(),
                    execution.getProcessInstanceId());
            BigDecimal outstanding = recoveries.outstanding(projectId);
            execution.setVariable(FULLY_REPAID, outstanding.signum() <= 0);
            execution.setVariable(OUTSTANDING_DISPLAY, Wan.formatExact(outstanding));
        };
    }
}
