package cn.rdfund.audit;

import cn.rdfund.bureau.LeadUnit;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A case an auditor can open: a call, an application, a project (also a 揭榜挂帅 support case or an award) or an
 * award claim, with what it is found by, the lead unit whose managers may see it and the process instances
 * (roots of their hierarchies) whose history makes up its timeline.
 */
public record AuditCase(String kind, long id, String code, String title, Long organizationId, String organizationName,
        String uscc, String district, String measure, String leadUnit, String status, LocalDateTime createdAt,
        Long projectId, List<String> processInstanceIds) {

    public static final String CALL = "call";
    public static final String APPLICATION = "application";
    public static final String PROJECT = "project";
    public static final String CLAIM = "claim";

    AuditCase withProcessInstances(List<String> ids) {
        return new AuditCase(kind, id, code, title, organizationId, organizationName, uscc, district, measure, leadUnit,
                status, createdAt, projectId, ids);
    }

    /** The status in words (a status no word is known for stays a code). */
    @JsonProperty
    public String statusLabel() {
        return status == null ? null : STATUSES.getOrDefault(status, status);
    }

    /** The lead unit's name (市科技局), not its code. */
    @JsonProperty
    public String leadUnitLabel() {
        if (leadUnit == null) {
            return null;
        }
        return java.util.Arrays.stream(LeadUnit.values()).filter(unit -> unit.name().equals(leadUnit)).findFirst()
                .map(LeadUnit::displayName).orElse(leadUnit);
    }

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("DRAFT", "草稿"), Map.entry("PUBLISHED", "已发布（受理中）"), Map.entry("WINDOW_CLOSED", "已截止申报"),
            Map.entry("CLOSED", "已结束"), Map.entry("SUBMITTED", "已提交"), Map.entry("CORRECTION", "补正中"),
            Map.entry("ACCEPTED", "已受理"), Map.entry("REJECTED", "不予受理"), Map.entry("REVIEWED", "已评审"),
            Map.entry("WITHDRAWN", "已撤回"), Map.entry("PROPOSED", "拟立项"), Map.entry("APPROVED", "已立项"),
            Map.entry("IN_PROGRESS", "实施中"), Map.entry("RECTIFYING", "整改中"), Map.entry("COMPLETED", "已验收结题"),
            Map.entry("TERMINATED", "已终止"), Map.entry("CHECKED", "已审查"), Map.entry("INELIGIBLE", "不符合条件"),
            Map.entry("COMMITTEE", "一事一议中"), Map.entry("DECLINED", "未获支持"), Map.entry("CALCULATED", "已核算"),
            Map.entry("NOTHING_DUE", "无应兑现金额"), Map.entry("REFUSED", "审批不同意"), Map.entry("NOTICE", "公示中"),
            Map.entry("OBJECTION_UPHELD", "异议成立"), Map.entry("NOTICE_PASSED", "公示无异议"), Map.entry("AWARDED", "已核定"),
            Map.entry("PAID", "已拨付"));

    @JsonProperty
    public String kindLabel() {
        return switch (kind) {
            case CALL -> "申报指南";
            case APPLICATION -> "项目申报";
            case PROJECT -> "项目";
            default -> "政策兑现申领";
        };
    }
}
