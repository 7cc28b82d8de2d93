package cn.rdfund.challenge;

import cn.rdfund.disbursement.Reduction;
import cn.rdfund.money.Wan;
import cn.rdfund.policy.FundingCaps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The city's support to a 发榜方 (P1.1c): a share of what it has actually paid the solver (confirmed by
 * finance), capped per project and by what is left of the enterprise's cap over all its P1.1 projects,
 * paid in stages as milestones pass. Each stage pays what is due on everything paid so far, less what
 * the earlier stages paid; the share is rounded down to the fen, so support never exceeds the payments.
 */
public final class ChallengeSupport {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ChallengeSupport() {
    }

    /** What this stage pays, what is due in all, and why it is less than the share where it is. */
    public record Stage(BigDecimal amount, BigDecimal dueInAll, BigDecimal share, List<Reduction> reductions) {

        /** Never more in all than the support planned when the contracts were signed. */
        public Stage within(BigDecimal planned) {
            if (dueInAll.compareTo(planned) <= 0) {
                return this;
            }
            BigDecimal over = dueInAll.subtract(planned);
            List<Reduction> all = new ArrayList<>(reductions);
            all.add(new Reduction(Reduction.Kind.PROJECT_CAP, dueInAll, planned, "不超过合同签订时核定的支持上限" + Wan.format(planned)));
            return new Stage(amount.subtract(over).max(BigDecimal.ZERO), planned, share, List.copyOf(all));
        }
    }

    /**
     * @param paidToSolver          what the 发榜方 has paid the solver so far, confirmed (yuan)
     * @param ratioPercent          the support ratio from decision table ChallengeSupportRatio (0–100)
     * @param caps                  the caps of P1.1c (300万 per project, 1000万 per enterprise)
     * @param enterpriseOtherwise   what the enterprise holds in its other projects under the same cap (yuan)
     * @param supportedBefore       what this project's support has already paid (yuan)
     */
    public static Stage stage(BigDecimal paidToSolver, int ratioPercent, FundingCaps caps, BigDecimal enterpriseOtherwise,
            BigDecimal supportedBefore) {
        if (ratioPercent < 0 || ratioPercent > 100) {
            throw new IllegalArgumentException("支持比例应在0%到100%之间: " + ratioPercent);
        }
        BigDecimal paid = Wan.exactYuan(paidToSolver);
        if (paid.signum() < 0) {
            throw new IllegalArgumentException("实际支付金额不能为负");
        }
        BigDecimal share = paid.multiply(BigDecimal.valueOf(ratioPercent)).divide(HUNDRED, 2, RoundingMode.DOWN);
        List<Reduction> reductions = new ArrayList<>();
        BigDecimal due = share;
        if (due.compareTo(caps.perProject()) > 0) {
            reductions.add(new Reduction(Reduction.Kind.PROJECT_CAP, due, caps.perProject(),
                    "超过单个揭榜挂帅项目支持上限" + Wan.format(caps.perProject())));
            due = caps.perProject().setScale(2);
        }
        BigDecimal room = caps.perEnterprise().subtract(Wan.exactYuan(enterpriseOtherwise)).max(BigDecimal.ZERO);
        if (due.compareTo(room) > 0) {
            reductions.add(new Reduction(Reduction.Kind.ENTERPRISE_CAP, due, room,
                    "企业已获同类资助" + Wan.format(enterpriseOtherwise) + "，累计上限" + Wan.format(caps.perEnterprise())
                            + "，本项目最多" + Wan.format(room)));
            due = room.setScale(2);
        }
        BigDecimal amount = due.subtract(Wan.exactYuan(supportedBefore)).max(BigDecimal.ZERO);
        return new Stage(amount, due, share, List.copyOf(reductions));
    }
}
