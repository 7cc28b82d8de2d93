package cn.rdfund.review;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One expert's opinion on a project at its mid-term check or acceptance, in one round. */
@Table("project_assessment")
public record ProjectAssessment(
        @Id Long id,
        Long projectId,
        String stage,
        int checkRound,
        String expertUserId,
        String verdict,
        String assessmentComment,
        LocalDateTime drawnAt,
        LocalDateTime submittedAt) {

    public static final String MIDTERM = "MIDTERM";
    public static final String ACCEPTANCE = "ACCEPTANCE";

    ProjectAssessment submit(String newVerdict, String comment, LocalDateTime at) {
        return new ProjectAssessment(id, projectId, stage, checkRound, expertUserId, newVerdict, comment, drawnAt, at);
    }
}
