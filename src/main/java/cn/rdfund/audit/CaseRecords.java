package cn.rdfund.audit;

import cn.rdfund.money.Wan;
import cn.rdfund.system.Rows;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What RDFund's own tables add to a case's timeline: each expert's review with the conflict declaration (only once
 * the review phase has ended, consensus included), each assessment panel member's verdict (once the round is
 * complete) and every ledger row with the inputs of its amount.
 */
@Component
class CaseRecords {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcClient jdbc;
    private final LedgerReports ledger;

    CaseRecords(JdbcClient jdbc, LedgerReports ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    List<TimelineEvent> events(AuditCase found, Predicate<String> processEnded) {
        List<TimelineEvent> events = new ArrayList<>();
        Long applicationId = switch (found.kind()) {
            case AuditCase.APPLICATION -> found.id();
            case AuditCase.PROJECT -> jdbc.sql("SELECT application_id FROM project WHERE id = ?").param(found.id())
                    .query(Long.class).optional().orElse(null);
            default -> null;
        };
        if (applicationId != null) {
            events.addAll(reviews(applicationId, processEnded));
            events.addAll(selection(applicationId));
        }
        if (found.projectId() != null && !AuditCase.CALL.equals(found.kind())) {
            events.addAll(assessments(found.projectId()));
            ledger.all(new LedgerReports.Filter(found.projectId(), null, null, null))
                    .forEach(line -> events.add(ledgerEvent(line)));
        }
        return events;
    }

    /** The approved amount of the case's project, if it has one. */
    BigDecimal approvedAmount(AuditCase found) {
        if (found.projectId() == null || AuditCase.CALL.equals(found.kind())) {
            return null;
        }
        return jdbc.sql("SELECT approved_amount FROM project WHERE id = ?").param(found.projectId())
                .query(BigDecimal.class).optional().orElse(null);
    }

    record ReviewRow(String expertUserId, String status, String conflictReason, String scores, BigDecimal total,
            String reviewComment, LocalDateTime drawnAt, LocalDateTime finishedAt) {
    }

    record ResultRow(BigDecimal score, BigDecimal spread, int validReviews, boolean trimmed, BigDecimal consensusScore,
            String consensusReason, String consensusBy, LocalDateTime decidedAt, String processInstanceId) {
    }

    private List<TimelineEvent> reviews(long applicationId, Predicate<String> processEnded) {
        var result = jdbc.sql("""
                SELECT score, spread, valid_reviews, trimmed, consensus_score, consensus_reason, consensus_by, decided_at,
                  process_instance_id
                FROM review_result WHERE application_id = ?""").param(applicationId).query(Rows.of(ResultRow.class)).optional();
        if (result.isEmpty() || !processEnded.test(result.get().processInstanceId())) {
            return List.of();
        }
        List<TimelineEvent> events = new ArrayList<>();
        for (ReviewRow review : jdbc.sql("""
                SELECT expert_user_id, status, conflict_reason, scores, total, review_comment, drawn_at, finished_at
                FROM review WHERE application_id = ? ORDER BY id""").param(applicationId).query(Rows.of(ReviewRow.class)).list()) {
            List<String> details = new ArrayList<>();
            details.add("抽取 " + review.drawnAt().format(SECONDS));
            details.add(switch (review.status()) {
                case "DECLINED" -> "声明存在利益冲突，回避：" + review.conflictReason();
                case "OVERDUE" -> "未按期声明或评审，已移出评审";
                case "SUBMITTED" -> "声明无利益冲突";
                default -> "声明无利益冲突，评审中";
            });
            if (review.total() != null) {
                details.add("评分 " + review.scores() + "，加权总分 " + review.total());
                details.add("意见：" + review.reviewComment());
            }
            events.add(new TimelineEvent(review.finishedAt() != null ? review.finishedAt() : review.drawnAt(),
                    TimelineEvent.REVIEW, "专家评审", review.expertUserId(), details, null, null, "专家评审"));
        }
        ResultRow panel = result.get();
        List<String> details = new ArrayList<>(List.of("有效评审 " + panel.validReviews() + " 份" + (panel.trimmed()
                ? "（去掉最高分和最低分）" : ""), "得分 " + panel.score() + "，极差 " + panel.spread()));
        if (panel.consensusScore() != null) {
            details.add("合议得分 " + panel.consensusScore() + "（" + panel.consensusBy() + "）：" + panel.consensusReason());
        }
        events.add(new TimelineEvent(panel.decidedAt(), TimelineEvent.REVIEW, "评审结果", panel.consensusBy(), details,
                null, null, "专家评审"));
        return events;
    }

    record SelectionRow(String callCode, int noticeRound, int rankNo, BigDecimal score, String outcome,
            BigDecimal approvedAmount, String reason, LocalDateTime rankedAt) {
    }

    record ObjectionRow(int noticeRound, String objection, String registeredBy, String decision, String decisionReason,
            String decidedBy, LocalDateTime decidedAt) {
    }

    private static final Map<String, String> OUTCOMES = Map.of("SELECTED", "拟立项", "BELOW_PASS_SCORE", "未达立项分数线",
            "OVER_BUDGET", "超出指南预算", "OVER_ENTERPRISE_CAP", "超出企业累计上限", "EXCLUDED", "不予立项");

    /** How the call ranked the application in each public notice, and the objections raised against it. */
    private List<TimelineEvent> selection(long applicationId) {
        List<TimelineEvent> events = new ArrayList<>();
        for (SelectionRow row : jdbc.sql("""
                SELECT fc.code AS call_code, s.notice_round, s.rank_no, s.score, s.outcome, s.approved_amount, s.reason,
                       s.ranked_at
                FROM call_selection s JOIN funding_call fc ON fc.id = s.call_id
                WHERE s.application_id = ? ORDER BY s.notice_round""").param(applicationId)
                .query(Rows.of(SelectionRow.class)).list()) {
            List<String> details = new ArrayList<>(List.of("指南 " + row.callCode() + "，第" + row.noticeRound() + "轮公示",
                    "排名第" + row.rankNo() + "，得分 " + row.score(), "结论：" + OUTCOMES.getOrDefault(row.outcome(),
                    row.outcome()) + (row.approvedAmount() == null ? "" : "，拟资助 " + Wan.format(row.approvedAmount()))));
            details.add("说明：" + row.reason());
            events.add(new TimelineEvent(row.rankedAt(), TimelineEvent.SELECTION, "排序与立项建议（公示）", null, details,
                    null, null, "指南遴选"));
        }
        for (ObjectionRow row : jdbc.sql("""
                SELECT notice_round, objection, registered_by, decision, decision_reason, decided_by, decided_at
                FROM call_objection WHERE application_id = ? ORDER BY id""").param(applicationId)
                .query(Rows.of(ObjectionRow.class)).list()) {
            events.add(new TimelineEvent(row.decidedAt(), TimelineEvent.SELECTION, "公示异议处理", row.decidedBy(),
                    List.of("第" + row.noticeRound() + "轮公示，登记人 " + row.registeredBy(), "异议：" + row.objection(),
                            ("UPHELD".equals(row.decision()) ? "异议成立" : "异议不成立") + "：" + row.decisionReason()),
                    null, null, "指南遴选"));
        }
        return events;
    }

    record AssessmentRow(String stage, int checkRound, long teamId, String expertUserId, String verdict,
            String assessmentComment, LocalDateTime drawnAt, LocalDateTime submittedAt) {
    }

    private List<TimelineEvent> assessments(long projectId) {
        List<AssessmentRow> rows = jdbc.sql("""
                SELECT stage, check_round, team_id, expert_user_id, verdict, assessment_comment, drawn_at, submitted_at
                FROM project_assessment WHERE project_id = ? ORDER BY id""").param(projectId)
                .query(Rows.of(AssessmentRow.class)).list();
        return rows.stream().filter(row -> rows.stream().noneMatch(other -> other.stage().equals(row.stage())
                        && other.checkRound() == row.checkRound() && other.teamId() == row.teamId()
                        && other.submittedAt() == null))
                .map(row -> new TimelineEvent(row.submittedAt(), TimelineEvent.REVIEW, stageName(row.stage())
                        + "专家评议（第" + row.checkRound() + "轮）", row.expertUserId(),
                        List.of("结论 " + row.verdict(), "意见：" + row.assessmentComment()), null, null, "项目实施"))
                .toList();
    }

    private static String stageName(String stage) {
        return switch (stage) {
            case "MIDTERM" -> "中期检查";
            case "ACCEPTANCE" -> "验收";
            case "VALIDATION" -> "榜单论证";
            default -> "争议复核";
        };
    }

    private static TimelineEvent ledgerEvent(LedgerLine line) {
        List<String> details = new ArrayList<>();
        details.add("批准金额 " + Wan.format(line.approvedAmount()) + (line.fundedAmount() == null ? ""
                : "，核定支持 " + Wan.format(line.fundedAmount())));
        if (line.fundingNote() != null) {
            details.add("核减与上限：" + line.fundingNote());
        }
        if (line.instalmentPercent() != null) {
            details.add("拨付比例 " + line.instalmentPercent() + "%（" + line.releasedBy() + "）");
        }
        if (line.instalmentBasis() != null) {
            details.add("计算依据：" + line.instalmentBasis());
        }
        if (line.memo() != null) {
            details.add("摘要：" + line.memo());
        }
        return new TimelineEvent(line.recordedAt(), TimelineEvent.LEDGER,
                line.kindLabel() + " · 账目" + line.entryId(),
                line.approvedBy(), details, line.amount(), Wan.format(line.amount()), "资金台账");
    }
}
