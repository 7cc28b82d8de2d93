package cn.rdfund.challenge;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A team the 发榜方 selected (揭榜方), its contract's indicators, and how it ended. */
@Table("challenge_team")
public record ChallengeTeam(
        @Id Long id,
        Long challengeId,
        Long applicationId,
        Long organizationId,
        String solverUserId,
        String status,
        String indicators,
        String outcomeReason,
        LocalDateTime selectedAt) {

    public static final String SELECTED = "SELECTED";
    public static final String CONTRACTED = "CONTRACTED";
    /** Ended at the 赛马制 stage gate: its work closed, nothing more paid. */
    public static final String CUT = "CUT";
    public static final String FAILED = "FAILED";
    public static final String ACCEPTED = "ACCEPTED";
    static final java.util.Set<String> ACTIVE_OR_CUT = java.util.Set.of(CONTRACTED, CUT);

    ChallengeTeam contracted(String contractIndicators) {
        return new ChallengeTeam(id, challengeId, applicationId, organizationId, solverUserId, CONTRACTED,
                contractIndicators, outcomeReason, selectedAt);
    }

    ChallengeTeam ended(String status, String reason) {
        return new ChallengeTeam(id, challengeId, applicationId, organizationId, solverUserId, status, indicators, reason,
                selectedAt);
    }

    boolean active() {
        return CONTRACTED.equals(status);
    }
}
