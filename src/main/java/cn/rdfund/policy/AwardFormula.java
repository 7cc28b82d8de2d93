package cn.rdfund.policy;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns the row an award table matched into an amount, with the calculation in words: a fixed amount, so much
 * per person, a percentage of a base, or the amount requested; then the table's cap. 一事一议 rows have no
 * formula: the committee's amount, checked against the cap where the table sets one, takes its place.
 */
public final class AwardFormula {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private AwardFormula() {
    }

    /** The amount by formula, or a refusal; a 一事一议 row gives {@link Award#committeeNeeded()}. */
    public static Award calculate(AwardRule rule, ClaimFacts facts) {
        if (!rule.eligible()) {
            return Award.ineligible(rule.basis());
        }
        if (rule.committee()) {
            return Award.committee(rule.basis() + "：不设计算公式，由联席会议一事一议确定支持金额");
        }
        BigDecimal amount;
        String words;
        if (rule.fixedYuan() != null) {
            amount = rule.fixedYuan();
            words = rule.basis();
        } else if (rule.perUnitYuan() != null && facts.headcount() == null) {
            return Award.ineligible(rule.basis() + "：申领未填写人数");
        } else if (rule.ratePercent() != null && facts.baseYuan() == null) {
            return Award.ineligible(rule.basis() + "：申领未填写基数金额");
        } else if (rule.perUnitYuan() != null) {
            amount = rule.perUnitYuan().multiply(BigDecimal.valueOf(facts.headcount())).setScale(2);
            words = rule.basis() + "：" + rule.perUnitYuan().stripTrailingZeros().toPlainString() + "元/人 × "
                    + facts.headcount() + "人 = " + Wan.format(amount);
        } else if (rule.ratePercent() != null) {
            amount = facts.baseYuan().multiply(BigDecimal.valueOf(rule.ratePercent()))
                    .divide(HUNDRED, 2, RoundingMode.DOWN);
            words = rule.basis() + "：" + Wan.format(facts.baseYuan()) + " × " + rule.ratePercent() + "% = "
                    + Wan.format(amount);
        } else if (facts.requestedYuan() != null) {
            amount = facts.requestedYuan();
            words = rule.basis() + "：申请" + Wan.format(amount);
        } else {
            return Award.ineligible(rule.basis() + "：未填写申请金额");
        }
        return capped(amount, rule.capYuan(), words);
    }

    /** A 一事一议 amount: what the committee decided, within the table's cap if it sets one. */
    public static Award committeeDecided(AwardRule rule, BigDecimal decidedYuan, String committeeRef) {
        return capped(decidedYuan, rule.capYuan(), "一事一议，联席会议（" + committeeRef + "）确定" + Wan.format(decidedYuan));
    }

    private static Award capped(BigDecimal amount, BigDecimal cap, String words) {
        if (cap != null && amount.compareTo(cap) > 0) {
            return Award.of(cap, words + "，超过上限" + Wan.format(cap) + "，按上限核定" + Wan.format(cap));
        }
        return Award.of(amount, words + (cap == null ? "" : "（上限" + Wan.format(cap) + "）"));
    }

    /** What the policy gives a claim before other awards for the same item are considered. */
    public record Award(Kind kind, BigDecimal amount, String calculation) {

        public enum Kind { AMOUNT, COMMITTEE, INELIGIBLE }

        static Award of(BigDecimal amount, String calculation) {
            return new Award(Kind.AMOUNT, amount, calculation);
        }

        static Award committee(String calculation) {
            return new Award(Kind.COMMITTEE, null, calculation);
        }

        static Award ineligible(String reason) {
            return new Award(Kind.INELIGIBLE, null, reason);
        }

        public boolean committeeNeeded() {
            return kind == Kind.COMMITTEE;
        }
    }
}
