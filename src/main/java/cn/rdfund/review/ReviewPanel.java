package cn.rdfund.review;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collection of ExpertReview ({@code ${reviewPanel.experts(execution)}}): the experts
 * drawn for this review, read from the database, not from a variable. Public: expressions call it.
 */
@Component("reviewPanel")
public class ReviewPanel {

    private final ReviewService reviews;

    ReviewPanel(ReviewService reviews) {
        this.reviews = reviews;
    }

    public List<String> experts(DelegateExecution execution) {
        return reviews.panel(execution.getProcessInstanceId());
    }
}
