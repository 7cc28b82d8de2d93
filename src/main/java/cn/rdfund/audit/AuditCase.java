package cn.rdfund.audit;

import cn.rdfund.bureau.LeadUnit;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        return status == null ? null : CaseWords.status(status);
    }

    /** The lead unit's name (市科技局), not its code. */
    @JsonProperty
    public String leadUnitLabel() {
        return leadUnit == null ? null : LeadUnit.displayNameOf(leadUnit);
    }


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
