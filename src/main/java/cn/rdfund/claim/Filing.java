package cn.rdfund.claim;

import cn.rdfund.policy.AwardRule;
import cn.rdfund.policy.PolicyMeasure;

/**
 * What a claim is filed under: its measure as the catalogue version in force on its reference date names it, that
 * catalogue version, the award table version and the lead unit. A claim keeps its filing to the end.
 */
record Filing(String measure, String measureName, String policyVersion, String catalogueDecisionId,
        String awardDecisionId, int awardDecisionVersion, String leadUnit) {

    static Filing of(PolicyMeasure measure, AwardRule rule) {
        return new Filing(measure.measure(), measure.name(), measure.policyVersion(), measure.catalogueDecisionId(),
                rule.decisionId(), rule.decisionVersion(), measure.leadUnit().name());
    }

    static Filing of(PolicyClaim claim) {
        return new Filing(claim.measure(), claim.measureName(), claim.policyVersion(), claim.catalogueDecisionId(),
                claim.awardDecisionId(), claim.awardDecisionVersion(), claim.leadUnit());
    }
}
