package cn.rdfund.claim;

import cn.rdfund.policy.ClaimFacts;
import java.math.BigDecimal;

/** A claim as the claimant submitted it: the measure, the facts the award table reads, the documents, other awards. */
record ClaimSubmission(String measure, String title, ClaimFacts facts, String documents, BigDecimal otherAward,
        String otherAwardPolicy, boolean otherAwardWaived) {

    /** With the head count a checked roster gives: every graduate on it counts (the table judged each). */
    ClaimSubmission withRoster(int counted) {
        ClaimFacts f = facts;
        return new ClaimSubmission(measure, title, new ClaimFacts(f.referenceDate(), f.category(), f.baseYuan(),
                f.previousOutputYuan(), f.growthPercent(), counted, true, f.requestedYuan()), documents, otherAward,
                otherAwardPolicy, otherAwardWaived);
    }
}
