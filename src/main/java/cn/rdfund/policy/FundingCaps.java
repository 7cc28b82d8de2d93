package cn.rdfund.policy;

import java.math.BigDecimal;
import java.util.Objects;

/** The caps of a measure, in yuan, as the decision table FundingCaps (bpmn/policy/FundingCaps.dmn) gives them. */
public record FundingCaps(BigDecimal perProject, BigDecimal perEnterprise) {

    public FundingCaps {
        Objects.requireNonNull(perProject, "perProject");
        Objects.requireNonNull(perEnterprise, "perEnterprise");
        if (perProject.signum() <= 0 || perEnterprise.signum() <= 0) {
            throw new IllegalArgumentException("资助上限必须大于0");
        }
    }
}
