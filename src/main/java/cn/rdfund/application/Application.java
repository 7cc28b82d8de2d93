package cn.rdfund.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An application (申报) to a call; for joint R&D the applicant leads a consortium of partners. Its code (申报编号,
 * SB2026-000012) is given when it is first submitted and is its process instance's business key.
 */
@Table("application")
public record Application(
        @Id Long id,
        String code,
        Long callId,
        Long applicantId,
        String title,
        BigDecimal requestedAmount,
        BigDecimal coFundingAmount,
        String status,
        LocalDateTime submittedAt,
        String processInstanceId,
        LocalDateTime createdAt,
        String projectSummary,
        String team,
        String workPlan,
        String promisedIndicators,
        @MappedCollection(idColumn = "application_id") Set<Partner> partners) {

    public Application withStatus(String newStatus) {
        return new Application(id, code, callId, applicantId, title, requestedAmount, coFundingAmount, newStatus, submittedAt,
                processInstanceId, createdAt, projectSummary, team, workPlan, promisedIndicators, partners);
    }

    @Table("application_partner")
    public record Partner(Long organizationId) {
    }
}
