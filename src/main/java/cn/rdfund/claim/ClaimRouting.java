package cn.rdfund.claim;

import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.bureau.LeadUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collections the claim process loops over, read from the records rather than kept as process variables:
 * the co-units to consult (the measure's version in force on the reference date) and the instalments planned.
 * The process's multi-instance expressions ask through the bean {@code claimRouting} ({@link PolicyClaimProcess.Routing}).
 */
@Component("claimRoutingService")
class ClaimRouting {

    private final ClaimService claims;
    private final DisbursementService disbursements;

    ClaimRouting(ClaimService claims, DisbursementService disbursements) {
        this.claims = claims;
        this.disbursements = disbursements;
    }

    List<String> coUnits(long claimId) {
        PolicyClaim claim = claims.get(claimId);
        return claims.measureOf(claim)
                .map(measure -> measure.coUnits().stream().map(LeadUnit::groupId).toList())
                .orElseThrow(() -> new IllegalStateException("申领" + claim.code() + "登记时的政策目录版本"
                        + claim.catalogueDecisionId() + "已不可读，无法确定配合单位"));
    }

    List<Integer> instalments(long claimId) {
        return disbursements.instalmentNumbers(claims.get(claimId).projectId());
    }
}
