package cn.rdfund.disbursement;

import static cn.rdfund.disbursement.DisbursementProcess.*;

import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side checks of Disbursement.bpmn's tasks: finance's approval and the answer to a return. */
@Configuration
class DisbursementRules {

    @Bean
    TaskCompletionRule disbursementApprovalRule() {
        return TaskCompletionRule.of(KEY, TASK_APPROVE, completion -> CompletionChecks.decisionWithReason(completion,
                DECISION, COMMENT, APPROVE, RETURN, "请选择审批结论（同意拨付或退回）", "退回时请说明原因"));
    }

    @Bean
    TaskCompletionRule disbursementReturnRule() {
        return TaskCompletionRule.of(KEY, TASK_RESOLVE_RETURN, completion -> {
            String reply = FormValues.text(completion.get(RETURN_REPLY));
            return reply == null || reply.isEmpty() ? List.of("请填写处理情况，再提交财务重新审批") : List.of();
        });
    }
}
