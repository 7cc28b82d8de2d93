package cn.rdfund.disbursement;

import java.math.BigDecimal;
import java.util.List;

/** What a project will receive: the funded amount after caps, why it was reduced, and its instalments. */
public record InstalmentPlan(BigDecimal approvedAmount, BigDecimal fundedAmount, List<Reduction> reductions,
        List<Instalment> instalments) {

    public record Instalment(int seq, int percent, String releasedBy, BigDecimal amount) {
    }

    public boolean reduced() {
        return !reductions.isEmpty();
    }

    public Instalment instalment(int seq) {
        return instalments.stream().filter(i -> i.seq() == seq).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有第" + seq + "期拨付"));
    }
}
