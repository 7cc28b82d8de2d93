package cn.rdfund.application;

import cn.rdfund.money.Wan;
import cn.rdfund.policy.FundingCaps;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 形式审查的资格条件: a registered applicant, a call that is open, a type that fits the call (joint R&D
 * needs partners, own R&D has none), partners that are registered, and an amount within the call's
 * cap, the policy's cap and what is left of the enterprise's cap. A 揭榜挂帅 team (揭榜方) may be a consortium,
 * is not the 发榜方, and asks at most what the 发榜方 committed: the city's caps apply to the 发榜方's support.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /**
     * @param correction a 补正 of an application already submitted in time: the window may have closed
     *                   since, and the call may not change
     */
    public record Facts(Long applicantId, CallFacts call, FundingCaps caps, BigDecimal enterpriseCommitted,
            Set<String> unregisteredPartners, LocalDateTime now, boolean correction) {
    }

    public static List<String> problems(ApplicationDraft draft, Facts facts) {
        List<String> problems = new ArrayList<>();
        if (facts.applicantId() == null) {
            problems.add("申报账号未关联已登记的单位，请先登记单位信息");
        }
        if (draft.title() == null || draft.title().isEmpty()) {
            problems.add("请填写项目名称");
        }
        CallFacts call = facts.call();
        if (call == null) {
            problems.add("请选择正在受理申报的指南");
            return problems;
        }
        if (!facts.correction()
                && (!"PUBLISHED".equals(call.status()) || facts.now().isBefore(call.opensAt()) || facts.now().isAfter(call.closesAt()))) {
            problems.add("该指南当前不在申报期内");
        }
        if (call.challenge() && call.ownerOrganizationId().equals(facts.applicantId())) {
            problems.add("发榜方不能揭自己发布的榜单");
        }
        boolean joint = CallFacts.JOINT_RD.equals(call.measure());
        if (joint && draft.partnerUsccs().isEmpty()) {
            problems.add("联合攻关项目须填写至少一家合作单位");
        }
        if (!joint && !call.challenge() && !draft.partnerUsccs().isEmpty()) {
            problems.add("自主研发项目不填写合作单位");
        }
        if (!facts.unregisteredPartners().isEmpty()) {
            problems.add("合作单位尚未登记: " + String.join("、", facts.unregisteredPartners()));
        }
        if (draft.coFunding() == null) {
            problems.add("自筹资金应为金额（万元）");
        }
        BigDecimal requested = draft.requested();
        if (requested == null || requested.signum() <= 0) {
            problems.add("申请资助金额应为大于0的金额（万元）");
            return problems;
        }
        if (call.challenge()) {
            if (requested.compareTo(call.projectCap()) > 0) {
                problems.add("揭榜报价超过发榜方承诺支付的" + Wan.format(call.projectCap()));
            }
            return problems;
        }
        if (requested.compareTo(call.projectCap()) > 0) {
            problems.add("申请金额超过本指南单个项目上限" + Wan.format(call.projectCap()));
        }
        if (requested.compareTo(facts.caps().perProject()) > 0) {
            problems.add("申请金额超过政策单个项目上限" + Wan.format(facts.caps().perProject()));
        }
        BigDecimal room = facts.caps().perEnterprise().subtract(facts.enterpriseCommitted());
        if (requested.compareTo(room) > 0) {
            problems.add("企业已获同类资助" + Wan.format(facts.enterpriseCommitted()) + "，累计上限"
                    + Wan.format(facts.caps().perEnterprise()) + "，本次最多可申请" + Wan.format(room.max(BigDecimal.ZERO)));
        }
        return problems;
    }
}
