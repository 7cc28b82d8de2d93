package cn.rdfund.claim;

import cn.rdfund.money.Wan;
import cn.rdfund.policy.ClaimFacts;
import cn.rdfund.policy.ClaimFields;
import cn.rdfund.policy.ClaimFields.Fact;
import cn.rdfund.policy.PolicyMeasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A claim in words, as the lead unit's forms show it. */
final class ClaimView {

    private ClaimView() {
    }

    private static final Map<String, String> STATUS = Map.ofEntries(Map.entry(PolicyClaim.SUBMITTED, "待审查"),
            Map.entry(PolicyClaim.CORRECTION, "退回补正"), Map.entry(PolicyClaim.REJECTED, "不予受理"),
            Map.entry(PolicyClaim.CHECKED, "审查通过"), Map.entry(PolicyClaim.INELIGIBLE, "不符合条件"),
            Map.entry(PolicyClaim.COMMITTEE, "待一事一议"), Map.entry(PolicyClaim.DECLINED, "会议不予支持"),
            Map.entry(PolicyClaim.CALCULATED, "待审批"), Map.entry(PolicyClaim.NOTHING_DUE, "已享受同等或更高奖励"),
            Map.entry(PolicyClaim.REFUSED, "审批不同意"), Map.entry(PolicyClaim.APPROVED, "已审批"),
            Map.entry(PolicyClaim.NOTICE, "公示中"), Map.entry(PolicyClaim.NOTICE_PASSED, "公示无异议"),
            Map.entry(PolicyClaim.OBJECTION_UPHELD, "异议成立"), Map.entry(PolicyClaim.AWARDED, "兑现中"),
            Map.entry(PolicyClaim.PAID, "已兑现"), Map.entry(PolicyClaim.WITHDRAWN, "已撤回"));

    private static final int EARLIER_SHOWN = 5;

    static String status(PolicyClaim claim) {
        return STATUS.getOrDefault(claim.status(), claim.status());
    }

    /**
     * The facts the claim's form asked for, as the catalogue version it was filed under lists them. A version deployed
     * before the catalogue had its claimFields column lists none for every measure; for a claim filed under one, the
     * catalogue in force on its reference date answers (as it did when the claim's form was read), so its category
     * still reads as a label.
     */
    static ClaimFields fieldsOf(PolicyClaim claim, PolicyMeasure filedUnder, ClaimForm.MeasureFields inForce) {
        return filedUnder.claimFields().equals(ClaimFields.NONE)
                ? inForce.of(claim.measure(), claim.facts().referenceDate()) : filedUnder.claimFields();
    }

    /** The category reads as the form's list for it (the one the measure's catalogue row names) labels it. */
    static String summary(PolicyClaim claim, ClaimFields fields, String claimant, List<PolicyClaim> earlier) {
        ClaimFacts f = claim.facts();
        List<String> lines = new ArrayList<>();
        lines.add("申领编号：" + claim.code() + "（" + claim.measure() + " " + claim.measureName() + "）");
        lines.add("申领单位：" + claimant);
        lines.add("申领事项：" + claim.title());
        lines.add("参照日期：" + f.referenceDate() + "，适用政策版本：" + claim.policyVersion());
        if (f.category() != null) {
            lines.add(fields.category().map(list -> ClaimFormDefinition.deployed().fieldLabel(list) + "："
                    + ClaimFormDefinition.deployed().label(list, f.category())).orElse("类别：" + f.category()));
        }
        if (f.baseYuan() != null) {
            lines.add((fields.has(Fact.INVESTMENT) ? "年内有效投资（投资总额减土地购置费）：" : "基数金额：")
                    + Wan.formatExact(f.baseYuan()));
        }
        if (f.previousOutputYuan() != null) {
            lines.add("2023年工业总产值：" + Wan.formatExact(f.previousOutputYuan()) + "，2024年增长率：" + f.growthPercent() + "%");
        }
        if (f.headcount() != null) {
            lines.add("符合条件的学员人数：" + f.headcount() + "人" + (fields.has(Fact.ROSTER)
                    ? "（按学员名册逐人核验，名册见「材料」）" : ""));
        }
        if (f.requestedYuan() != null) {
            lines.add("申请金额：" + Wan.formatExact(f.requestedYuan()));
        }
        f.conditionTexts().forEach((name, text) -> lines.add(condition(name, text)));
        if (f.qualified() != null && !fields.has(Fact.ROSTER)) {
            lines.add("申领单位承诺符合申领条件：" + (f.qualified() ? "是" : "否"));
        }
        lines.add(claim.otherAward().signum() == 0 ? "同一事项其他政策奖励：无"
                : "同一事项其他政策奖励：" + Wan.formatExact(claim.otherAward()) + "（" + claim.otherAwardPolicy() + "）"
                        + (claim.otherAwardWaived() ? "，申领单位声明放弃" : ""));
        lines.add(earlier.isEmpty() ? "本单位此前同一措施的申领：无" : "本单位此前同一措施的申领（" + earlier.size() + "件，最近"
                + Math.min(earlier.size(), EARLIER_SHOWN) + "件）：" + earlier.stream()
                .skip(Math.max(0, earlier.size() - EARLIER_SHOWN))
                .map(c -> c.code() + "（参照日期" + c.facts().referenceDate() + "，" + c.title() + "，" + status(c) + "）")
                .collect(Collectors.joining("；")));
        if (claim.payeeAccount() != null) {
            lines.add("收款账户：" + new Payee(claim.payeeBank(), claim.payeeAccount()).display());
        }
        lines.add("申领材料：\n" + claim.documents());
        return String.join("\n", lines);
    }

    /** One of the measure's conditions as the form labels it: 生产地址所在地：沈阳市（含所辖区、县（市）） */
    private static String condition(String name, String text) {
        String field = ClaimConditionFields.fieldOf(name);
        ClaimFormDefinition form = ClaimFormDefinition.deployed();
        String value = name.endsWith("Yuan") ? Wan.formatExact(new java.math.BigDecimal(text))
                : name.endsWith(ClaimSubjects.ID_NUMBER) ? new ResidentIdNumber(text).masked() : form.label(field, text);
        return form.fieldLabel(field).replace("（万元）", "") + "：" + value;
    }

    /** How the award was worked out, naming the table by {@code tableName} (its name in words) and version. */
    static String calculation(PolicyClaim claim, String tableName) {
        String table = claim.awardDecisionId() == null ? ""
                : "（依据「" + tableName + "」第" + claim.awardDecisionVersion() + "版）";
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
