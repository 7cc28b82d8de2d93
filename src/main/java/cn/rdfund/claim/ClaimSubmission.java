package cn.rdfund.claim;

import cn.rdfund.policy.ClaimFacts;
import java.math.BigDecimal;
import java.util.List;

/** A claim as the claimant submitted it: the measure, the facts the award table reads, the documents, other awards. */
record ClaimSubmission(String measure, String title, ClaimFacts facts, String documents, BigDecimal otherAward,
        String otherAwardPolicy, boolean otherAwardWaived, Payee payee, List<TraineeRoster.Trainee> trainees) {

    ClaimSubmission(String measure, String title, ClaimFacts facts, String documents, BigDecimal otherAward,
            String otherAwardPolicy, boolean otherAwardWaived, Payee payee) {
        this(measure, title, facts, documents, otherAward, otherAwardPolicy, otherAwardWaived, payee, null);
    }

    /** With a head count the claimant expects (the calculator's estimate; a claim counts its roster). */
    ClaimSubmission withHeadcount(int headcount) {
        return new ClaimSubmission(measure, title, facts.withHeadcount(headcount, true), documents,
                otherAward, otherAwardPolicy, otherAwardWaived, payee, trainees);
    }

    /**
     * With the graduates a checked roster counts (the table judged each): the head count is theirs, and the award
     * table's condition (qualified) is the roster's check, not a tick.
     */
    ClaimSubmission withRoster(List<TraineeRoster.Trainee> counted) {
        return new ClaimSubmission(measure, title, facts.withHeadcount(counted.size(), true), documents,
                otherAward, otherAwardPolicy, otherAwardWaived, payee, List.copyOf(counted));
    }
}
