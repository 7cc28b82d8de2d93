package cn.rdfund.claim;

import java.time.LocalDate;
import java.util.List;

/** A claim as /api/claims shows it: what was declared, what version judged it, the calculation and the outcome. */
public record ClaimDto(long id, String code, String measure, String measureName, String policyVersion,
        String awardDecisionId, Integer awardDecisionVersion, long organizationId, String title,
        LocalDate referenceDate, String otherAwardDisplay, String otherAwardPolicy, boolean otherAwardWaived,
        String ruleBasis, String calculation, String calculatedDisplay, String overlapRule, String overlapNote,
        String payableDisplay, String committeeRef, String committeeRationale, String status, String statusReason,
        Long projectId, List<Opinion> opinions) {

    public record Opinion(String unit, String opinion, String givenBy) {
    }
}
