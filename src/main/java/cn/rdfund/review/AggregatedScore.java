package cn.rdfund.review;

import java.math.BigDecimal;

/**
 * The panel's score for an application: the mean of the valid reviews (trimmed when enough), the
 * spread between the highest and lowest review, and whether that spread needs a consensus discussion.
 */
public record AggregatedScore(BigDecimal score, BigDecimal spread, int validReviews, boolean trimmed,
        boolean needsConsensus) {
}
