package cn.rdfund.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the review, read by its timers ({@code ${reviewTimes.declarationPeriod()}}), never from a
 * variable a user could set. ISO 8601 durations: P3D, PT10M in the demo profile. Public: expressions call it.
 */
@Component("reviewTimes")
public class ReviewTimes {

    private final String declarationPeriod;

    ReviewTimes(@Value("${rdfund.review.declaration-period:P3D}") String declarationPeriod) {
        this.declarationPeriod = declarationPeriod;
    }

    public String declarationPeriod() {
        return declarationPeriod;
    }
}
