package cn.rdfund.review;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One expert's part in reviewing one application: drawn, then declined, overdue or submitted. */
@Table("review")
public record Review(
        @Id Long id,
        Long applicationId,
        String expertUserId,
        String status,
        String conflictReason,
        String scores,
        BigDecimal total,
        String reviewComment,
        LocalDateTime drawnAt,
        LocalDateTime finishedAt,
        String processInstanceId) {

    public static final String DRAWN = "DRAWN";
    public static final String DECLINED = "DECLINED";
    public static final String OVERDUE = "OVERDUE";
    public static final String SUBMITTED = "SUBMITTED";

    Review finish(String newStatus, String reason, String scoreText, BigDecimal weightedTotal, String comment,
            LocalDateTime at) {
        return new Review(id, applicationId, expertUserId, newStatus, reason, scoreText, weightedTotal, comment,
                drawnAt, at, processInstanceId);
    }
}
