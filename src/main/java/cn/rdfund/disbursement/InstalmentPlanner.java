package cn.rdfund.disbursement;

import cn.rdfund.money.Wan;
import cn.rdfund.policy.FundingCaps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns an approved amount into instalments: caps it per project and per enterprise (recording each
 * reduction and its reason), then splits it by the schedule's shares, rounding each instalment to the
 * fen and giving the remainder to the last, so the instalments always add up to the funded amount.
 */
public final class InstalmentPlanner {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private InstalmentPlanner() {
    }

    /**
     * @param approved            the amount the decision approved, in yuan
     * @param caps                the measure's caps
     * @param enterpriseCommitted what the enterprise already holds under the measures the cap covers
     *                            (its other projects), in yuan
     * @param schedule            the disbursement schedule; shares must add up to 100 %
     */
    public static InstalmentPlan plan(BigDecimal approved, FundingCaps caps, BigDecimal enterpriseCommitted,
            List<InstalmentShare> schedule) {
        BigDecimal approvedYuan = Wan.exactYuan(approved);
        if (approvedYuan.signum() <= 0) {
            throw new IllegalArgumentException("立项金额必须大于0");
        }
        List<Reduction> reductions = new ArrayList<>();
        BigDecimal funded = approvedYuan;
        if (funded.compareTo(caps.perProject()) > 0) {
            reductions.add(new Reduction(Reduction.Kind.PROJECT_CAP, funded, caps.perProject(),
                    "超过单个项目资助上限" + Wan.format(caps.perProject())));
            funded = caps.perProject();
        }
        BigDecimal enterpriseRoom = caps.perEnterprise().subtract(Wan.exactYuan(enterpriseCommitted)).max(BigDecimal.ZERO);
        if (funded.compareTo(enterpriseRoom) > 0) {
            reductions.add(new Reduction(Reduction.Kind.ENTERPRISE_CAP, funded, enterpriseRoom,
                    "企业已获同类资助" + Wan.format(enterpriseCommitted) + "，累计上限" + Wan.format(caps.perEnterprise())
                            + "，本项目最多" + Wan.format(enterpriseRoom)));
            funded = enterpriseRoom;
        }
        funded = funded.setScale(2, RoundingMode.UNNECESSARY);
        return new InstalmentPlan(approvedYuan, funded, List.copyOf(reductions), split(funded, schedule));
    }

    static List<InstalmentPlan.Instalment> split(BigDecimal funded, List<InstalmentShare> schedule) {
        List<InstalmentShare> shares = schedule.stream().sorted(Comparator.comparingInt(InstalmentShare::seq)).toList();
        int total = shares.stream().mapToInt(InstalmentShare::percent).sum();
        if (shares.isEmpty() || total != 100) {
            throw new IllegalArgumentException("拨付比例合计应为100%，实际为" + total + "%");
        }
        if (funded.signum() == 0) {
            return List.of();
        }
        List<InstalmentPlan.Instalment> instalments = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            InstalmentShare share = shares.get(i);
            BigDecimal amount = i == shares.size() - 1
                    ? funded.subtract(allocated)
                    : funded.multiply(BigDecimal.valueOf(share.percent())).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            allocated = allocated.add(amount);
            instalments.add(new InstalmentPlan.Instalment(share.seq(), share.percent(), share.releasedBy(), amount));
        }
        return List.copyOf(instalments);
    }
}
