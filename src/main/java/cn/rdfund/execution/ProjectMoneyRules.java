package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.disbursement.RecoveryService;
import cn.rdfund.money.Wan;
import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server-side checks of ProjectExecution's money tasks: what a report says was spent, the recovery, repayments
 * and their review.
 */
@Configuration
class ProjectMoneyRules {

    @Bean
    TaskCompletionRule recoveryConfirmationRule() {
        return TaskCompletionRule.of(KEY, TASK_CONFIRM_RECOVERY,
                completion -> Boolean.TRUE.equals(completion.get(RECOVERY_CONFIRMED)) ? List.of()
                        : List.of("请核对并确认追回金额"));
    }

    /** What a project reports as spent of the city's money cannot exceed what it has been paid. */
    @Bean
    TaskCompletionRule progressSpendingRule(DisbursementService disbursements) {
        return spendingRule(TASK_REPORT_PROGRESS, disbursements);
    }

    @Bean
    TaskCompletionRule rectificationSpendingRule(DisbursementService disbursements) {
        return spendingRule(TASK_RECTIFY, disbursements);
    }

    @Bean
    TaskCompletionRule finalReportSpendingRule(DisbursementService disbursements) {
        return spendingRule(TASK_FINAL_REPORT, disbursements);
    }

    private static TaskCompletionRule spendingRule(String taskKey, DisbursementService disbursements) {
        return TaskCompletionRule.of(KEY, taskKey, completion -> {
            BigDecimal spent = WanInput.toYuan(FormValues.text(completion.get(SPENT_WAN)))
                    .orElse(null);
            if (spent == null || !(completion.get(PROJECT_ID) instanceof Number id)) {
                return List.of();
            }
            BigDecimal paid = disbursements.paid(id.longValue());
            return spent.compareTo(paid) > 0
                    ? List.of("已使用的市级财政资金不能超过已拨付的" + Wan.formatExact(paid)) : List.of();
        });
    }

    /** A second finance user confirms the receipt or sends it back with the reason (四眼: not who recorded it). */
    @Bean
    TaskCompletionRule repaymentReviewRule() {
        return TaskCompletionRule.of(KEY, TASK_REVIEW_REPAYMENT,
                completion -> {
                    List<String> problems = CompletionChecks.decisionWithReason(completion, REPAYMENT_REVIEW,
                            REPAYMENT_REVIEW_COMMENT, CONFIRM, RETURN, "请选择复核结论（确认到账或退回重新登记）",
                            "退回时请写明原因");
                    String comment = FormValues.text(completion.get(REPAYMENT_REVIEW_COMMENT));
                    if (comment != null && comment.length() > 1000) {
                        problems.add("复核意见不超过1000字");
                    }
                    return problems;
                });
    }

    /** A receipt is a positive amount, no more than is still outstanding, with its voucher number. */
    @Bean
    TaskCompletionRule repaymentRule(RecoveryService recoveries) {
        return TaskCompletionRule.of(KEY, TASK_RECORD_REPAYMENT,
                completion -> {
                    List<String> problems = new ArrayList<>();
                    BigDecimal repaid = WanInput.toYuan(FormValues.text(completion.get(REPAID_WAN))).orElse(null);
                    if (repaid == null || repaid.signum() <= 0) {
                        problems.add("请填写到账金额（万元，大于0，最多6位小数）");
                    } else if (completion.get(PROJECT_ID) instanceof Number id) {
                        BigDecimal outstanding = recoveries.outstanding(id.longValue());
                        if (repaid.compareTo(outstanding) > 0) {
                            problems.add("到账金额不能超过尚未追回的" + Wan.formatExact(outstanding));
                        }
                    }
                    String receipt = FormValues.text(completion.get(RECEIPT_NO));
                    if (receipt == null || receipt.isEmpty()) {
                        problems.add("请填写缴款凭证号");
                    }
                    return problems;
                });
    }
}
