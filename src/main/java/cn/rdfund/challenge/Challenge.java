package cn.rdfund.challenge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A 揭榜挂帅 challenge (榜单): the 发榜方's demand, the call it is published as (call_id), the project that carries
 * the city's support to the 发榜方 (project_id), and where it stands.
 */
@Table("challenge")
public record Challenge(
        @Id Long id,
        String processInstanceId,
        Long ownerOrganizationId,
        String ownerUserId,
        Long callId,
        Long projectId,
        String title,
        String challengeText,
        String indicators,
        LocalDate solveBy,
        BigDecimal committedAmount,
        int parallelTeams,
        String status,
        int publishRound,
        String outcomeReason,
        LocalDateTime createdAt) {

    public static final String VALIDATING = "VALIDATING";
    public static final String REJECTED = "REJECTED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String CLOSED = "CLOSED";
    public static final String UNFILLED = "UNFILLED";
    public static final String CANCELLED = "CANCELLED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SOLVED = "SOLVED";
    public static final String FAILED = "FAILED";

    Challenge ended(String newStatus, String reason) {
        return new Challenge(id, processInstanceId, ownerOrganizationId, ownerUserId, callId, projectId, title,
                challengeText, indicators, solveBy, committedAmount, parallelTeams, newStatus, publishRound, reason,
                createdAt);
    }

    Challenge withStatus(String newStatus) {
        return ended(newStatus, outcomeReason);
    }

    /** A (re)publication, possibly with the indicators and the amount revised. */
    Challenge published(String revisedIndicators, BigDecimal revisedAmount) {
        return new Challenge(id, processInstanceId, ownerOrganizationId, ownerUserId, callId, projectId, title,
                challengeText, revisedIndicators, solveBy, revisedAmount, parallelTeams, PUBLISHED, publishRound + 1,
                outcomeReason, createdAt);
    }

    public boolean horseRace() {
        return parallelTeams > 1;
    }
}
