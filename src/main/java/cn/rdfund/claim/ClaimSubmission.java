package cn.rdfund.claim;

import cn.rdfund.policy.ClaimFacts;
import java.math.BigDecimal;

/** A claim as the claimant submitted it: the measure, the facts the award table reads, the documents, other awards. */
record ClaimSubmission(String measure, String title, ClaimFacts facts, String documents, BigDecimal otherAward,
        String otherAwardPolicy, boolean otherAwardWaived) {
}
