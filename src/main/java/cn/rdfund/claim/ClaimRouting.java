package cn.rdfund.claim;

import cn.rdfund.disbursement.DisbursementService;
import cn.rdfund.bureau.LeadUnit;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collections the claim process loops over, read from the records rather than kept as process variables:
 * the co-units to consult (the measure's version in force on the reference date) and the instalments planned.
 * Public: the process's multi-instance expressions call it.
 */
@Component("claimRouting")
public class ClaimRouting {

    private final ClaimService claims;
    private final DisbursementService disbursements;

    ClaimRouting(ClaimService claims, DisbursementService disbursements) {
        this.claims = claims;
        this.disbursements = disbursements;
    }

    public List<String> coUnits(DelegateExecution execution) {
        PolicyClaim claim = claims.get(PolicyClaimProcess.claimId(execution));
        return claims.measureOf(claim)
                .map(measure -> measure.coUnits().stream().map(LeadUnit::groupId).toList())
                .orElseThrow(() -> new IllegalStateException("申领" + claim.code() + "登记时的政策目录版本"
                        + claim.catalogueDecisionId() + "已不可读，无法确定配合单位"));
    }

    public List<Integer> instalments(DelegateExecution execution) {
        return disbursements.instalmentNumbers(claims.get(PolicyClaimProcess.claimId(execution)).projectId());
    }
}
