package cn.rdfund.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of PDF case reports handed out (table case_report, append-only): each is kept with both its SHA-256s
 * and the file, so that a report shown later is found by the hash printed in it (or the file's) and compared with
 * its original.
 */
@Component
class CaseReports {

    /** At least this many hex digits of a hash: a prefix is typed from paper, a shorter one would match by chance. */
    static final int SHORTEST_PREFIX = 16;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + SHORTEST_PREFIX + ",64}");
    private static final String SELECT = """
            SELECT id, case_kind, case_id, case_code, case_title, generated_at, generated_by, content_sha256, file_sha256
            FROM case_report""";

    /** A registered report; {@code matched}: whether the hash searched was the one printed in it or the file's. */
    record Issued(long id, String caseKind, long caseId, String caseCode, String caseTitle, LocalDateTime generatedAt,
            String generatedBy, String contentSha256, String fileSha256, String matched) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration reusedFor;

    CaseReports(JdbcClient jdbc, Clock clock, @Value("${rdfund.audit.report-reuse:PT5M}") Duration reusedFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reusedFor = reusedFor;
    }

    /**
     * The report this person was handed for this case within the last {@code rdfund.audit.report-reuse}: asked for
     * again (a second click, a reload), it is handed out again rather than made and registered anew, so that the
     * register grows with reports, not with clicks.
     */
    Optional<CaseReportPdf.Report> recentFor(AuditCase found, String userId) {
        return jdbc.sql("""
                SELECT content, content_sha256, file_sha256, generated_at FROM case_report
                WHERE case_kind = ? AND case_id = ? AND generated_by = ? AND generated_at >= ?
                ORDER BY generated_at DESC, id DESC LIMIT 1""")
                .params(found.kind(), found.id(), userId, LocalDateTime.now(clock).minus(reusedFor))
                .query((rs, n) -> new CaseReportPdf.Report(rs.getBytes("content"), rs.getString("content_sha256"),
                        rs.getString("file_sha256"), rs.getTimestamp("generated_at").toLocalDateTime()))
                .optional();
    }

    void register(AuditCase found, CaseReportPdf.Report report, String userId) {
        jdbc.sql("""
                INSERT INTO case_report (case_kind, case_id, case_code, case_title, generated_at, generated_by,
                  content_sha256, file_sha256, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(found.kind(), found.id(), found.code(), found.title(), report.generatedAt(), userId,
                        report.contentSha256(), report.fileSha256(), report.pdf())
                .update();
    }

    /** The hash as searched: lower case hex without spaces (as copied from paper or from certutil's output). */
    static Optional<String> normalized(String hash) {
        String hex = hash == null ? "" : hash.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        return HEX.matcher(hex).matches() ? Optional.of(hex) : Optional.empty();
    }

    /** The reports whose printed or file hash starts with {@code hex} (normalized), oldest first. */
    List<Issued> withHash(String hex) {
        return jdbc.sql(SELECT + " WHERE content_sha256 LIKE :prefix OR file_sha256 LIKE :prefix ORDER BY id LIMIT 20")
                .param("prefix", hex + "%")
                .query((rs, n) -> issued(rs, rs.getString("content_sha256").startsWith(hex) ? "content" : "file"))
                .list();
    }

    Optional<Issued> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> issued(rs, null)).optional();
    }

    private static Issued issued(ResultSet rs, String matched) throws SQLException {
        return new Issued(rs.getLong("id"), rs.getString("case_kind"), rs.getLong("case_id"), rs.getString("case_code"),
                rs.getString("case_title"), rs.getTimestamp("generated_at").toLocalDateTime(),
                rs.getString("generated_by"), rs.getString("content_sha256"), rs.getString("file_sha256"), matched);
    }

    Optional<byte[]> original(long id) {
        return jdbc.sql("SELECT content FROM case_report WHERE id = ?").param(id).query(byte[].class).optional();
    }
}
