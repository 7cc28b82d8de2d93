package cn.rdfund.review;

import java.util.Set;

/**
 * What a draw must know about one application: the applicant and its partners, every organization
 * applying in the same call (as applicant or partner), and the call's technology areas.
 */
public record ReviewContext(long applicantId, Set<Long> partnerIds, Set<Long> organizationsApplyingInCall,
        Set<String> areas) {

    public ReviewContext {
        partnerIds = Set.copyOf(partnerIds);
        organizationsApplyingInCall = Set.copyOf(organizationsApplyingInCall);
        areas = Set.copyOf(areas);
    }

    boolean involves(long organizationId) {
        return applicantId == organizationId || partnerIds.contains(organizationId);
    }
}
