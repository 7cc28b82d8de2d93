package cn.rdfund.review;

import static cn.rdfund.review.ExpertReviewProcess.*;

import cn.rdfund.system.tasks.CurrentUser;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps and listeners of bpmn/review/ExpertReview.bpmn. */
@Configuration
class ReviewDelegates {

    @Bean
    DrawnExperts reviewPanel(ReviewService reviews) {
        return execution -> reviews.panel(execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate drawPanel(ReviewService reviews) {
        return execution -> reviews.drawPanel(execution.getProcessInstanceId(), applicationProcessOf(execution));
    }

    /**
     * Each expert's part starts with its own, local variables: what one expert submits stays in their
     * scope, so no expert sees (or overwrites) another's declaration or scores.
     */
    @Bean
    ExecutionListener openExpertScope(ReviewService reviews) {
        return execution -> {
            Map<String, Object> local = new HashMap<>();
            for (String name : new String[] {DECLARATION, CONFLICT_REASON, REVIEW_COMMENT, REPLACEMENT_FOUND}) {
                local.put(name, null);
            }
            reviews.criteria(execution.getProcessInstanceId()).forEach(criterion -> local.put(criterion.key(), null));
            execution.setVariablesLocal(local);
        };
    }

    @Bean
    JavaDelegate replaceExpert(ReviewService reviews) {
        return execution -> {
            Variables vars = of(execution);
            Optional<String> replacement = reviews.replace(execution.getProcessInstanceId(),
                    applicationProcessOf(execution), vars.expert(), vars.conflictDeclared(), vars.conflictReason());
            replacement.ifPresent(next -> execution.setVariable(EXPERT, next));
            execution.setVariable(REPLACEMENT_FOUND, replacement.isPresent());
            execution.setVariable(DECLARATION, null);
            execution.setVariable(CONFLICT_REASON, null);
        };
    }

    @Bean
    JavaDelegate recordReview(ReviewService reviews) {
        return execution -> {
            Variables vars = of(execution);
            reviews.recordScores(execution.getProcessInstanceId(), vars.expert(), vars.scoreInput(), vars.reviewComment());
        };
    }

    @Bean
    JavaDelegate aggregateReviews(ReviewService reviews) {
        return execution -> {
            ReviewResult result = reviews.aggregate(execution.getProcessInstanceId(), applicationProcessOf(execution));
            execution.setVariable(NEEDS_CONSENSUS, result.needsConsensus());
            execution.setVariable(REVIEW_SCORE, scoreText(result.score()));
            execution.setVariable(REVIEW_SUMMARY, reviews.summary(execution.getProcessInstanceId()));
        };
    }

    /** Who decided the consensus, as the engine knows it: runs after the submitted variables are set. */
    @Bean
    TaskListener stampConsensusDecider() {
        return task -> task.setVariable(CONSENSUS_BY, CurrentUser.of(task));
    }

    @Bean
    JavaDelegate recordConsensus(ReviewService reviews) {
        return execution -> {
            Variables vars = of(execution);
            ReviewResult result = reviews.recordConsensus(applicationProcessOf(execution), vars.consensusScore(),
                    vars.consensusReason(), vars.consensusBy());
            execution.setVariable(REVIEW_SCORE, scoreText(result.finalScore()));
        };
    }

    private static String applicationProcessOf(DelegateExecution execution) {
        return of(execution).applicationProcess(execution.getProcessBusinessKey());
    }

    private static String scoreText(BigDecimal score) {
        return score == null ? "无有效评审意见" : score.toPlainString() + "分";
    }
}
