package cn.rdfund.challenge;

import cn.rdfund.system.Rows;
import cn.rdfund.system.Texts;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The milestones of the teams' contracts (challenge_milestone). */
@Repository
class ContractMilestones {

    private static final String COLUMNS = """
            team_id, seq, title, due_date, payment_amount, status, report, reported_at, stage_score, finding,
            paid_amount, payment_voucher, payment_confirmed_by, support_seq""";

    private final JdbcClient jdbc;

    ContractMilestones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContractMilestone> of(long teamId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM challenge_milestone WHERE team_id = ? ORDER BY seq").param(teamId)
                .query(Rows.of(ContractMilestone.class)).list();
    }

    Optional<ContractMilestone> find(long teamId, int seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM challenge_milestone WHERE team_id = ? AND seq = ?")
                .params(teamId, seq).query(Rows.of(ContractMilestone.class)).optional();
    }

    ContractMilestone get(long teamId, int seq) {
        return find(teamId, seq).orElseThrow(() -> new IllegalStateException("团队" + teamId + "没有第" + seq + "个里程碑"));
    }

    void insert(ContractMilestone m) {
        jdbc.sql("INSERT INTO challenge_milestone (team_id, seq, title, due_date, payment_amount, status) VALUES (?, ?, ?, ?, ?, ?)")
                .params(m.teamId(), m.seq(), m.title(), m.dueDate(), m.paymentAmount(), m.status()).update();
    }

    void report(long teamId, int seq, String report, LocalDateTime at) {
        jdbc.sql("UPDATE challenge_milestone SET report = ?, reported_at = ? WHERE team_id = ? AND seq = ?")
                .params(report, at, teamId, seq).update();
    }

    void assess(long teamId, int seq, BigDecimal stageScore, String finding) {
        jdbc.sql("UPDATE challenge_milestone SET stage_score = ?, finding = ? WHERE team_id = ? AND seq = ?")
                .params(stageScore, Texts.clip(finding, ChallengeTexts.FINDING), teamId, seq).update();
    }

    void conclude(long teamId, int seq, String status, String finding) {
        jdbc.sql("UPDATE challenge_milestone SET status = ?, finding = ? WHERE team_id = ? AND seq = ?")
                .params(status, Texts.clip(finding, ChallengeTexts.FINDING), teamId, seq).update();
    }

    /** Closes the milestones a team will not reach. */
    void closeOpen(long teamId) {
        jdbc.sql("UPDATE challenge_milestone SET status = 'CLOSED' WHERE team_id = ? AND status = 'PLANNED'")
                .param(teamId).update();
    }

    void recordPayment(long teamId, int seq, BigDecimal paid, String voucher, String confirmedBy) {
        jdbc.sql("""
                UPDATE challenge_milestone SET paid_amount = ?, payment_voucher = ?, payment_confirmed_by = ?
                WHERE team_id = ? AND seq = ?""").params(paid, voucher, confirmedBy, teamId, seq).update();
    }

    void recordSupport(long teamId, int seq, int supportSeq) {
        jdbc.sql("UPDATE challenge_milestone SET support_seq = ? WHERE team_id = ? AND seq = ?")
                .params(supportSeq, teamId, seq).update();
    }

    /** What the 发榜方 has paid one team so far, as finance confirmed it. */
    BigDecimal paidTo(long teamId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(paid_amount), 0) FROM challenge_milestone
                WHERE team_id = ? AND payment_confirmed_by IS NOT NULL""").param(teamId).query(BigDecimal.class).single();
    }

    /** What the 发榜方 has paid all teams of a challenge so far, as finance confirmed it. */
    BigDecimal paidToSolvers(long challengeId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(m.paid_amount), 0) FROM challenge_milestone m
                JOIN challenge_team t ON t.id = m.team_id WHERE t.challenge_id = ? AND m.payment_confirmed_by IS NOT NULL""")
                .param(challengeId).query(BigDecimal.class).single();
    }
}
