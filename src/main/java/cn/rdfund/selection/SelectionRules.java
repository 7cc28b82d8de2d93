package cn.rdfund.selection;

import static cn.rdfund.selection.FundingCallProcess.*;

import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side checks of the public notice: an objection names a listed application and says what is wrong. */
@Configuration
class SelectionRules {

    @Bean
    TaskCompletionRule objectionRegistrationRule(SelectionService selection) {
        return TaskCompletionRule.of(KEY, TASK_PUBLIC_NOTICE, completion -> {
            List<String> problems = new ArrayList<>();
            String applicationId = FormValues.text(completion.get(OBJECTION_APPLICATION_ID));
            Object round = completion.get(NOTICE_ROUND);
            boolean listed = applicationId != null && round instanceof Number n
                    && selection.ranking(selection.callOf(completion.processInstanceId()).id(), n.intValue()).stream()
                            .anyMatch(row -> row.selected() && String.valueOf(row.applicationId()).equals(applicationId));
            if (!listed) {
                problems.add("请选择异议针对的拟立项项目");
            }
            String objection = FormValues.text(completion.get(OBJECTION));
            if (objection == null || objection.isEmpty()) {
                problems.add("请填写异议内容（异议人、事由）");
            } else if (objection.length() > 2000) {
                problems.add("异议内容不超过2000字");
            }
            return problems;
        });
    }

    @Bean
    TaskCompletionRule objectionDecisionRule() {
        return TaskCompletionRule.of(KEY, TASK_HANDLE_OBJECTION, completion -> {
            List<String> problems = new ArrayList<>();
            String decision = FormValues.text(completion.get(OBJECTION_DECISION));
            if (!UPHELD.equals(decision) && !REJECTED.equals(decision)) {
                problems.add("请选择异议是否成立");
            }
            String reason = FormValues.text(completion.get(OBJECTION_REASON));
            if (reason == null || reason.isEmpty()) {
                problems.add("请填写核查情况和处理理由");
            } else if (reason.length() > 2000) {
                problems.add("处理理由不超过2000字");
            }
            return problems;
        });
    }
}
