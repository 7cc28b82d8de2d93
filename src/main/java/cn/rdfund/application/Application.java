package cn.rdfund.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An application (申报) to a call; for joint R&D the applicant leads a consortium of partners. */
@Table("application")
public record Application(
        @Id Long id,
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
        return new Application(id, callId, applicantId, title, requestedAmount, coFundingAmount, newStatus, submittedAt,
                processInstanceId, createdAt, projectSummary, team, workPlan, promisedIndicators, partners);
    }

    @Table("application_partner")
    public record Partner(Long organizationId) {
    }
}
