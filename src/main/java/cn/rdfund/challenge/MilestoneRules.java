package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.money.Wan;
import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side checks of the user tasks of ChallengeMilestone.bpmn. */
@Configuration
class MilestoneRules {

    static final int MAX_VOUCHER = 100;

    @Bean
    TaskCompletionRule reportMilestoneRule() {
        return rule(TASK_REPORT_MILESTONE, completion -> ChallengeRules.text(completion, MILESTONE_REPORT,
                "请填写里程碑完成情况（对照合同指标）"));
    }

    /** 确认 or 异议, a stage score 0–100 (赛马制 ranks by it) and, for a dispute, what is disputed. */
    @Bean
    TaskCompletionRule confirmMilestoneRule() {
        return rule(TASK_CONFIRM_MILESTONE, completion -> {
            List<String> problems = CompletionChecks.decisionWithReason(completion, CONFIRMATION, OWNER_OPINION, CONFIRM,
                    DISPUTE, "请选择：确认达标，或提出异议", "提出异议时请写明未达标的指标和理由");
            Integer score = FormValues.integer(completion.get(STAGE_SCORE));
            if (score == null || score < 0 || score > 100) {
                problems.add("阶段考核得分应为0到100的整数");
            }
            return problems;
        });
    }

    /** What the 发榜方 paid for this milestone: more than 0, at most what the contract says, with the voucher. */
    @Bean
    TaskCompletionRule declarePaymentRule() {
        return rule(TASK_DECLARE_PAYMENT, completion -> {
            List<String> problems = new ArrayList<>();
            BigDecimal paid = ChallengeRules.amount(completion, PAID_WAN);
            BigDecimal contracted = ChallengeRules.amount(completion, "contractPaymentWan");
            if (paid == null || paid.signum() <= 0) {
                problems.add("请填写实际支付金额（万元，大于0）");
            } else if (contracted != null && paid.compareTo(contracted) > 0) {
                problems.add("实际支付金额超过合同约定的本里程碑支付额" + Wan.formatExact(contracted));
            }
            problems.addAll(CompletionChecks.requiredText(completion, PAYMENT_VOUCHER, "请填写支付凭证号（银行回单号）", MAX_VOUCHER));
            return problems;
        });
    }

    @Bean
    TaskCompletionRule confirmPaymentRule() {
        return rule(TASK_CONFIRM_PAYMENT, completion -> CompletionChecks.decisionWithReason(completion, PAYMENT_DECISION,
                PAYMENT_COMMENT, CONFIRM, RETURN, "请选择：确认支付凭证，或退回", "退回时请写明原因"));
    }

    @Bean
    TaskCompletionRule escalateMilestoneRule() {
        return rule(TASK_ESCALATE_MILESTONE, completion -> ChallengeRules.text(completion, FOLLOW_UP, "请填写督办情况"));
    }

    private static TaskCompletionRule rule(String taskKey, Function<TaskCompletion, List<String>> check) {
        return TaskCompletionRule.of(MILESTONE_KEY, taskKey, check);
    }
}
