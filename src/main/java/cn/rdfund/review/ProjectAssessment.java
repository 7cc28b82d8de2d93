package cn.rdfund.review;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One expert's opinion on a project at its mid-term check or acceptance, in one round; for a 揭榜挂帅 project also
 * on the challenge (论证) or on one team's disputed milestone or acceptance ({@code teamId}, else 0).
 */
@Table("project_assessment")
public record ProjectAssessment(
        @Id Long id,
        Long projectId,
        long teamId,
        String stage,
        int checkRound,
        String expertUserId,
        String verdict,
        String assessmentComment,
        LocalDateTime drawnAt,
        LocalDateTime submittedAt) {

    public static final String MIDTERM = "MIDTERM";
    public static final String ACCEPTANCE = "ACCEPTANCE";
    /** 揭榜挂帅: the experts' validation (论证) of a challenge before it is published. */
    public static final String VALIDATION = "VALIDATION";
    /** 揭榜挂帅: a milestone the 发榜方 disputes; the experts' finding decides. */
    public static final String DISPUTE = "DISPUTE";

    ProjectAssessment submit(String newVerdict, String comment, LocalDateTime at) {
        return new ProjectAssessment(id, projectId, teamId, stage, checkRound, expertUserId, newVerdict, comment, drawnAt, at);
    }
}
