package cn.rdfund.review;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The panel's result for one application, and the consensus score where the reviews diverged too much. */
@Table("review_result")
public record ReviewResult(
        @Id Long applicationId,
        BigDecimal score,
        BigDecimal spread,
        int validReviews,
        boolean trimmed,
        boolean needsConsensus,
        BigDecimal consensusScore,
        String consensusReason,
        String consensusBy,
        LocalDateTime decidedAt,
        String processInstanceId) {

    /** The score the application is ranked by: the consensus score where there is one. */
    public BigDecimal finalScore() {
        return consensusScore != null ? consensusScore : score;
    }
}
