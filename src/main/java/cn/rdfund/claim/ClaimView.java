package cn.rdfund.claim;

import cn.rdfund.money.Wan;
import cn.rdfund.policy.ClaimFacts;
import java.util.ArrayList;
import java.util.List;

/** A claim in words, as the lead unit's forms show it. */
final class ClaimView {

    private ClaimView() {
    }

    static String summary(PolicyClaim claim, String claimant) {
        ClaimFacts f = claim.facts();
        List<String> lines = new ArrayList<>();
        lines.add("申领编号：" + claim.code() + "（" + claim.measure() + " " + claim.measureName() + "）");
        lines.add("申领单位：" + claimant);
        lines.add("申领事项：" + claim.title());
        lines.add("参照日期：" + f.referenceDate() + "，适用政策版本：" + claim.policyVersion());
        if (f.category() != null) {
            lines.add("类别：" + ClaimForm.categoryLabel(claim.measure(), f.category()));
        }
        if (f.baseYuan() != null) {
            lines.add("基数金额：" + Wan.formatExact(f.baseYuan()));
        }
        if (f.previousOutputYuan() != null) {
            lines.add("2023年工业总产值：" + Wan.formatExact(f.previousOutputYuan()) + "，2024年增长率：" + f.growthPercent() + "%");
        }
        if (f.headcount() != null) {
            lines.add("符合条件的学员人数：" + f.headcount() + "人");
        }
        if (f.requestedYuan() != null) {
            lines.add("申请金额：" + Wan.formatExact(f.requestedYuan()));
        }
        if (f.qualified() != null) {
            lines.add("申领单位承诺符合申领条件：" + (f.qualified() ? "是" : "否"));
        }
        lines.add(claim.otherAward().signum() == 0 ? "同一事项其他政策奖励：无"
                : "同一事项其他政策奖励：" + Wan.formatExact(claim.otherAward()) + "（" + claim.otherAwardPolicy() + "）"
                        + (claim.otherAwardWaived() ? "，申领单位声明放弃" : ""));
        lines.add("申领材料：\n" + claim.documents());
        return String.join("\n", lines);
    }

    static String calculation(PolicyClaim claim) {
        String table = claim.awardDecisionId() == null ? ""
                : "（决策表 " + claim.awardDecisionId() + "，第" + claim.awardDecisionVersion() + "版）";
        StringBuilder text = new StringBuilder("按政策计算" + table + "：" + claim.calculation());
        if (claim.overlapNote() != null) {
            text.append("\n从优就高：").append(claim.overlapNote());
        }
        if (claim.payableAmount() != null) {
            text.append("\n本次应支持：").append(Wan.format(claim.payableAmount()));
        }
        return text.toString();
    }
}
