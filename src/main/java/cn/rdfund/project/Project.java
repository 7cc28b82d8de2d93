package cn.rdfund.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A funded project (立项) with its approved amount and the milestones of its task agreement. */
@Table("project")
public record Project(
        @Id Long id,
        String code,
        String title,
        String measure,
        Long organizationId,
        Long applicationId,
        BigDecimal approvedAmount,
        String status,
        LocalDate startDate,
        LocalDate endDate,
        String processInstanceId,
        LocalDateTime createdAt,
        @MappedCollection(idColumn = "project_id") Set<Milestone> milestones) {

    @Table("milestone")
    public record Milestone(int seq, String title, LocalDate dueDate, BigDecimal plannedAmount, String status) {
    }
}
