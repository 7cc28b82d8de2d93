package cn.rdfund.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The caps of a measure, in yuan, as the decision table FundingCaps (bpmn/policy/FundingCaps.dmn) gives them. */
public record FundingCaps(BigDecimal perProject, BigDecimal perEnterprise) {

    /** The measures whose projects count together towards one enterprise's cap (P1.1*, policy clause 二(一)1). */
    public static final List<String> UNDER_ENTERPRISE_CAP = List.of("P1.1a", "P1.1b", "P1.1c");

    public FundingCaps {
        Objects.requireNonNull(perProject, "perProject");
        Objects.requireNonNull(perEnterprise, "perEnterprise");
        if (perProject.signum() <= 0 || perEnterprise.signum() <= 0) {
            throw new IllegalArgumentException("资助上限必须大于0");
        }
    }
}
