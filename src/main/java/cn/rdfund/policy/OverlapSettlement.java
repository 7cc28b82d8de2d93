package cn.rdfund.policy;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;

/** What a claim pays after comparing it with the other awards for the same item, and the comparison in words. */
public record OverlapSettlement(BigDecimal payable, OverlapRule rule, String note) {

    public static OverlapSettlement settle(BigDecimal ours, BigDecimal otherAward, boolean otherWaived, OverlapRule rule) {
        if (otherAward == null || otherAward.signum() == 0) {
            return new OverlapSettlement(ours, rule, "未申报同一事项获得的其他政策奖励，按本政策" + Wan.format(ours) + "支持");
        }
        String other = "同一事项已获其他政策奖励" + Wan.format(otherAward);
        if (rule == OverlapRule.FULL_IF_WAIVED && otherWaived) {
            return new OverlapSettlement(ours, rule, other + "，申领单位已放弃该奖励，按本政策全额支持" + Wan.format(ours));
        }
        if (otherAward.compareTo(ours) >= 0) {
            return new OverlapSettlement(BigDecimal.ZERO.setScale(2), rule,
                    other + "，不低于本政策" + Wan.format(ours) + "；从优、就高、不重复：本政策不再支持");
        }
        BigDecimal difference = ours.subtract(otherAward);
        return new OverlapSettlement(difference, rule,
                other + "，低于本政策" + Wan.format(ours) + "；从优、就高、不重复：补差支持" + Wan.format(difference));
    }
}
