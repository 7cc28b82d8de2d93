package cn.rdfund.audit;

import java.util.Map;

/** The words auditors read for the codes cases carry: statuses of calls, applications, projects and claims. */
final class CaseWords {

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("DRAFT", "草稿"), Map.entry("PUBLISHED", "已发布（受理中）"), Map.entry("WINDOW_CLOSED", "已截止申报"),
            Map.entry("CLOSED", "已结束"), Map.entry("SUBMITTED", "已提交"), Map.entry("CORRECTION", "补正中"),
            Map.entry("ACCEPTED", "已受理"), Map.entry("REJECTED", "不予受理"), Map.entry("REVIEWED", "已评审"),
            Map.entry("WITHDRAWN", "已撤回"), Map.entry("PROPOSED", "拟立项"), Map.entry("APPROVED", "已批准（立项）"),
            Map.entry("IN_PROGRESS", "实施中"), Map.entry("RECTIFYING", "整改中"), Map.entry("COMPLETED", "已完成"),
            Map.entry("TERMINATED", "已终止"), Map.entry("CHECKED", "已审查"), Map.entry("INELIGIBLE", "不符合条件"),
            Map.entry("COMMITTEE", "一事一议中"), Map.entry("DECLINED", "未获支持"), Map.entry("CALCULATED", "已核算"),
            Map.entry("NOTHING_DUE", "无应兑现金额"), Map.entry("REFUSED", "审批不同意"), Map.entry("NOTICE", "公示中"),
            Map.entry("OBJECTION_UPHELD", "异议成立"), Map.entry("NOTICE_PASSED", "公示无异议"), Map.entry("AWARDED", "已核定"),
            Map.entry("PAID", "已拨付"), Map.entry("DECIDED", "已立项决定"), Map.entry("NO_FUNDABLE", "无可立项项目"));

    private CaseWords() {
    }

    /** The status in words; a code no word is known for stays as it is. */
    static String status(String code) {
        return STATUSES.getOrDefault(code, code);
    }
}
