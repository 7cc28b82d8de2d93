package cn.rdfund.call;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A call for applications (指南) under one measure, with its budget, per-project cap and window. */
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
        @MappedCollection(idColumn = "call_id") Set<Area> areas) {

    public FundingCall withStatus(String newStatus) {
        return new FundingCall(id, code, title, measure, leadUnit, totalBudget, projectCap, opensAt, closesAt, newStatus,
                processInstanceId, createdBy, createdAt, areas);
    }

    @Table("funding_call_area")
    public record Area(String area) {
    }
}
