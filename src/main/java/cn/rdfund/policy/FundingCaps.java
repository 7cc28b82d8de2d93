package cn.rdfund.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The caps of a measure, in yuan, as the decision table FundingCaps (bpmn/policy/FundingCaps.dmn) gives
 * them. Projects of all measures in the same {@code enterpriseCapGroup} count together towards one
 * enterprise's cap (P1.1a/b/c: "P1.1", policy clause 二(一)1).
 */
public record FundingCaps(BigDecimal perProject, BigDecimal perEnterprise, String enterpriseCapGroup) {

    public FundingCaps(BigDecimal perProject, BigDecimal perEnterprise) {
        this(perProject, perEnterprise, null);
    }

    public FundingCaps {
        Objects.requireNonNull(perProject, "perProject");
        Objects.requireNonNull(perEnterprise, "perEnterprise");
        if (perProject.signum() <= 0 || perEnterprise.signum() <= 0) {
            throw new IllegalArgumentException("资助上限必须大于0");
        }
    }
}
