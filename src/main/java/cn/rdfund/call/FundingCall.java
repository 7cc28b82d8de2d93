package cn.rdfund.call;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A call for applications (指南) under one measure, with its budget, per-project cap and window; or a 揭榜挂帅
 * challenge (榜单, measure P1.1c) posted by the 发榜方 ({@code ownerOrganizationId}), whose per-project cap is what
 * the 发榜方 commits to pay one team.
 */
@Table("funding_call")
public record FundingCall(
        @Id Long id,
        String code,
        String title,
        String measure,
        String leadUnit,
        BigDecimal totalBudget,
        BigDecimal projectCap,
        LocalDateTime opensAt,
        LocalDateTime closesAt,
        String status,
        String processInstanceId,
        String createdBy,
        LocalDateTime createdAt,
        Long ownerOrganizationId,
        @MappedCollection(idColumn = "call_id") Set<Area> areas) {

    public FundingCall withStatus(String newStatus) {
        return new FundingCall(id, code, title, measure, leadUnit, totalBudget, projectCap, opensAt, closesAt, newStatus,
                processInstanceId, createdBy, createdAt, ownerOrganizationId, areas);
    }

    /** 揭榜挂帅: the window of a (re)publication, and what the 发榜方 pays one team. */
    public FundingCall withWindow(LocalDateTime opens, LocalDateTime closes, BigDecimal perTeam, BigDecimal budget) {
        return new FundingCall(id, code, title, measure, leadUnit, budget, perTeam, opens, closes, "PUBLISHED",
                processInstanceId, createdBy, createdAt, ownerOrganizationId, areas);
    }

    /** Published and not yet closed: new applications may still be written. */
    public boolean acceptsApplications() {
        return "PUBLISHED".equals(status);
    }

    /** A challenge (揭榜挂帅) is a call posted by an enterprise, not by the city. */
    public boolean challenge() {
        return ownerOrganizationId != null;
    }

    @Table("funding_call_area")
    public record Area(String area) {
    }
}
