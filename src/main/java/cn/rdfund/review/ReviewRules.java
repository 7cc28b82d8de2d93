package cn.rdfund.review;

import static cn.rdfund.review.ExpertReviewProcess.*;

import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side checks of the review's user tasks. */
@Configuration
class ReviewRules {

    /** 回避声明: a declaration, and the reason when the expert declares a conflict. */
    @Bean
    TaskCompletionRule declarationRule() {
        return rule(TASK_DECLARE, completion -> {
            List<String> problems = new ArrayList<>();
            String declaration = FormValues.text(completion.get(DECLARATION));
            if (!NO_CONFLICT.equals(declaration) && !CONFLICT.equals(declaration)) {
                problems.add("请声明是否存在利益冲突");
            }
            String reason = FormValues.text(completion.get(CONFLICT_REASON));
            if (CONFLICT.equals(declaration) && (reason == null || reason.isEmpty())) {
                problems.add("申请回避时请说明利益冲突的情况");
            }
            return problems;
        });
    }

    /** 评审打分: every criterion of the decision table ReviewCriteria scored 0–100, in whole points. */
    @Bean
    TaskCompletionRule scoringRule(ReviewService reviews) {
        return rule(TASK_SCORE, completion -> {
            List<ReviewCriterion> criteria = reviews.criteria(completion.processInstanceId());
            Map<String, Number> scores = new HashMap<>();
            criteria.forEach(c -> scores.put(c.key(), FormValues.number(completion.get(c.key()))));
            return ScoreSheet.problems(criteria, scores);
        });
    }

    /** 组织合议: the agreed score 0–100 and how the panel reached it. */
    @Bean
    TaskCompletionRule consensusRule() {
        return rule(TASK_CONSENSUS, completion -> {
            List<String> problems = new ArrayList<>();
            Integer score = FormValues.integer(completion.get(CONSENSUS_SCORE));
            if (score == null || score < 0 || score > 100) {
                problems.add("合议得分应为0到100之间的整数");
            }
            String reason = FormValues.text(completion.get(CONSENSUS_REASON));
            if (reason == null || reason.isEmpty()) {
                problems.add("请说明合议情况");
            }
            return problems;
        });
    }

    private static TaskCompletionRule rule(String taskKey, Function<TaskCompletion, List<String>> check) {
        return TaskCompletionRule.of(KEY, taskKey, check);
    }
}
