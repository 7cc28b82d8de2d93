package cn.rdfund.audit;

import cn.rdfund.audit.LedgerReport.Totals;
import cn.rdfund.system.Rows;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads ledger lines with their calculation inputs (ledger, projects, instalments, enterprises) a page at a time, and
 * the selection's totals with SQL sums: however long the ledger grows, a request carries one page of lines and the
 * database adds up the rest. The sums read the whole selection, so they are kept per filter: the ledger only grows (no
 * row is changed or removed), so the same number of rows and the same newest row mean the same rows, and after new
 * lines the kept sums are brought up to date with those lines alone — if the rows after the newest one kept account
 * for every row added (a line whose transaction ended late, below the newest id, makes them add up again). Kept sums
 * are added up from scratch once they are a minute old, so that even rows changed behind the application's back
 * (which the ledger's seals report, GET /api/ledger/verify) show in the totals within a minute.
 */
@Component
class LedgerReports {

    private static final String FROM = """
             FROM ledger_entry l
            JOIN project p ON p.id = l.project_id
            JOIN organization o ON o.id = l.organization_id""";
    /** The sums read the project only where a filter or a grouping needs it (the measure), never the enterprise. */
    private static final String SUMS_FROM = " FROM ledger_entry l";
    private static final String PROJECT = " JOIN project p ON p.id = l.project_id";
    private static final String PROJECT_NAME = "code";
    /** By name and USCC: two enterprises of the same name stay apart (and MySQL's collations compare names loosely). */
    private static final String ENTERPRISE_NAME = "CONCAT(name, '（', uscc, '）')";
    private static final String LINE_COLUMNS = """
            SELECT l.id AS entry_id, l.kind, l.amount, l.recorded_at, l.approved_by, l.memo, p.id AS project_id,
              p.code AS project_code, p.title AS project_title, p.measure, o.id AS organization_id,
              o.name AS organization_name, o.uscc, o.district, p.approved_amount, p.funded_amount, p.funding_note,
              i.percent AS instalment_percent, i.released_by, i.basis AS instalment_basis""";
    private static final String INSTALMENT = """

            LEFT JOIN instalment i ON i.project_id = l.project_id AND i.seq = l.milestone_seq AND l.kind = 'DISBURSEMENT'""";
    private static final String SUMS = """
            SUM(CASE WHEN l.kind = 'DISBURSEMENT' THEN l.amount ELSE 0 END) AS disbursed,
              SUM(CASE WHEN l.kind = 'RECOVERY' THEN l.amount ELSE 0 END) AS recovered,
              SUM(CASE WHEN l.kind NOT IN ('DISBURSEMENT', 'RECOVERY') THEN l.amount ELSE 0 END) AS repaid""";

    private static final Duration KEPT_AT_MOST = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final int groupLimit;
    private final Clock clock;
    private final Cache<Filter, Sums> sums = Caffeine.newBuilder().maximumSize(64)
            .expireAfterWrite(KEPT_AT_MOST).build();

    LedgerReports(JdbcClient jdbc, Clock clock, @Value("${rdfund.audit.ledger.group-limit:100}") int groupLimit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.groupLimit = groupLimit;
    }

    /** The filters that are set (null: any). */
    record Filter(Long projectId, Long organizationId, String measure, Integer year) {

        /** What the sums must join to apply the filter. */
        String join() {
            return measure != null ? PROJECT : "";
        }

        /**
         * The filter's conditions on the lines up to the newest one {@code ledger} counts, after {@code since} if it is
         * given: a line written while the sums are added up is left for the next time.
         */
        String where(List<Object> params, Fingerprint since, Fingerprint ledger) {
            String where = where(params);
            if (since != null) {
                where += " AND l.id > ?";
                params.add(since.newest());
            }
            params.add(ledger.newest());
            return where + " AND l.id <= ?";
        }

        String where(List<Object> params) {
            StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
            if (projectId != null) {
                sql.append(" AND l.project_id = ?");
                params.add(projectId);
            }
            if (organizationId != null) {
                sql.append(" AND l.organization_id = ?");
                params.add(organizationId);
            }
            if (measure != null) {
                sql.append(" AND p.measure = ?");
                params.add(measure);
            }
            if (year != null) {
                sql.append(YearRange.of("l.recorded_at", year, params));
            }
            return sql.toString();
        }
    }

    /**
     * Up to {@code limit} lines of the selection after entry {@code afterId}, in the order written, with the totals
     * of the whole selection (per project and enterprise the {@code groupLimit} largest by amount paid out).
     */
    LedgerReport page(Filter filter, long afterId, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = LINE_COLUMNS + FROM + INSTALMENT + filter.where(params) + " AND l.id > ? ORDER BY l.id LIMIT ?";
        params.add(afterId);
        params.add(limit + 1);
        List<LedgerLine> lines = lines(sql, params);
        Long nextAfterId = null;
        if (lines.size() > limit) {
            lines = lines.subList(0, limit);
            nextAfterId = lines.get(limit - 1).entryId();
        }
        Sums selection = upToDate(filter, sums.getIfPresent(filter));
        return new LedgerReport(lines, selection.byProject().totals(), selection.byEnterprise().totals(),
                selection.byMeasure(), selection.byYear(), selection.totals(), selection.lineCount(), nextAfterId,
                selection.byProject().cut() || selection.byEnterprise().cut(), Map.of());
    }

    /**
     * The kept sums as they are, brought up to date with the lines added since, or added up again (and kept). The
     * ledger's size, newest line and the lines after the newest kept are counted in one statement, so that the check
     * that those lines are all that was added sees one state of the ledger.
     */
    private Sums upToDate(Filter filter, Sums kept) {
        Ledger now = jdbc.sql("SELECT COUNT(*) AS line_count, COALESCE(MAX(id), 0) AS newest,"
                        + " COALESCE(SUM(CASE WHEN id > ? THEN 1 ELSE 0 END), 0) AS after_kept FROM ledger_entry")
                .param(kept == null ? 0 : kept.ledger().newest()).query(Rows.of(Ledger.class)).single();
        Fingerprint ledger = new Fingerprint(now.lineCount(), now.newest());
        Sums selection;
        if (kept == null || kept.addedUpAt().plus(KEPT_AT_MOST).isBefore(clock.instant())
                || kept.ledger().lineCount() + now.afterKept() != ledger.lineCount()) {
            // a line below the newest kept committed late, or sums a minute old: from scratch
            selection = sums(filter, null, ledger);
        } else if (kept.ledger().equals(ledger)) {
            return kept;
        } else {
            selection = kept.plus(sums(filter, kept.ledger(), ledger), ledger);
        }
        sums.put(filter, selection);
        return selection;
    }

    /** The whole ledger's size and newest line, and how many lines came after the newest one kept. */
    private record Ledger(long lineCount, long newest, long afterKept) {
    }

    /**
     * The sums of the selection's lines up to {@code ledger}: all of them, or those after {@code since} with the whole
     * totals of the projects and enterprises they belong to.
     */
    private Sums sums(Filter filter, Fingerprint since, Fingerprint ledger) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params, since, ledger);
        return sums(filter.join(), where, params, ledger,
                largestGroups(filter, ledger, since, "project_id", "project", PROJECT_NAME),
                largestGroups(filter, ledger, since, "organization_id", "organization", ENTERPRISE_NAME));
    }

    private Sums sums(String join, String where, List<Object> params, Fingerprint ledger, LargestGroups byProject,
            LargestGroups byEnterprise) {
        return jdbc.sql("SELECT COUNT(*) AS line_count, " + SUMS + SUMS_FROM + join + where).params(params)
                .query((row, number) -> new Sums(ledger, clock.instant(), row.getLong("line_count"), totals(row),
                        byProject, byEnterprise, groups("p.measure", PROJECT, where, params),
                        groups("EXTRACT(YEAR FROM l.recorded_at)", join, where, params)))
                .single();
    }

    /** Every line of the selection, in the order written (the exports). */
    List<LedgerLine> all(Filter filter) {
        List<Object> params = new ArrayList<>();
        return lines(LINE_COLUMNS + FROM + INSTALMENT + filter.where(params) + " ORDER BY l.id", params);
    }

    private List<LedgerLine> lines(String sql, List<Object> params) {
        return jdbc.sql(sql).params(params).query(Rows.of(LedgerLine.class)).list().stream().map(LedgerLine::inWords).toList();
    }

    /** What tells one state of the whole ledger from another: rows are only ever added. */
    record Fingerprint(long lineCount, long newest) {
    }

    /** A selection's sums, added up from scratch at {@code addedUpAt} and brought up to the ledger {@code ledger}. */
    private record Sums(Fingerprint ledger, Instant addedUpAt, long lineCount, Totals totals,
            LargestGroups byProject, LargestGroups byEnterprise, Map<String, Totals> byMeasure,
            Map<String, Totals> byYear) {

        /** These sums and those of the lines after them. */
        Sums plus(Sums added, Fingerprint ledger) {
            return new Sums(ledger, addedUpAt, lineCount + added.lineCount, totals.plus(added.totals),
                    byProject.with(added.byProject.ranked()), byEnterprise.with(added.byEnterprise.ranked()),
                    merged(byMeasure, added.byMeasure), merged(byYear, added.byYear));
        }

        private static Map<String, Totals> merged(Map<String, Totals> kept, Map<String, Totals> added) {
            Map<String, Totals> merged = new TreeMap<>(kept);
            added.forEach((key, totals) -> merged.merge(key, totals, Totals::plus));
            return Collections.unmodifiableMap(merged);
        }
    }

    /**
     * The {@code groupLimit} groups that paid out most (projects, enterprises: as many as cases), added up by the
     * ledger's own id column and only then named from {@code table}: grouping a hundred thousand lines by a joined
     * name took seconds, by the id a fraction of that (docs/performance.md). After {@code since}: the groups that the
     * lines after it belong to, each with its whole totals.
     */
    private LargestGroups largestGroups(Filter filter, Fingerprint ledger, Fingerprint since, String column,
            String table, String name) {
        List<Object> params = new ArrayList<>();
        String groups = "SELECT l." + column + " AS group_id, " + SUMS + SUMS_FROM + filter.join()
                + filter.where(params, null, ledger);
        if (since == null) {
            groups += " GROUP BY l." + column + " ORDER BY disbursed DESC, group_id LIMIT ?";
            params.add(groupLimit + 1);
        } else {
            groups += " AND l." + column + " IN (SELECT n." + column + " FROM ledger_entry n WHERE n.id > ? AND n.id <= ?)"
                    + " GROUP BY l." + column;
            params.add(since.newest());
            params.add(ledger.newest());
        }
        List<LargestGroups.Group> found = new ArrayList<>();
        jdbc.sql("SELECT t.group_id, " + name + " AS group_key, t.disbursed, t.recovered, t.repaid FROM (" + groups
                + ") t JOIN " + table + " ON " + table + ".id = t.group_id").params(params)
                .query((RowCallbackHandler) row -> found.add(
                        new LargestGroups.Group(row.getLong("group_id"), row.getString("group_key"), totals(row))));
        return LargestGroups.of(found, groupLimit);
    }

    /** Per key, every group's totals in the key's order; {@code join} adds what the key needs beyond the ledger. */
    private Map<String, Totals> groups(String key, String join, String where, List<Object> params) {
        return Collections.unmodifiableMap(totalsByKey("SELECT " + key + " AS group_key, " + SUMS + SUMS_FROM + join
                + where + " GROUP BY " + key + " ORDER BY group_key", params));
    }

    /** Each row's totals under its {@code group_key}, in the order the rows come. */
    private Map<String, Totals> totalsByKey(String sql, List<Object> params) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        jdbc.sql(sql).params(params)
                .query((RowCallbackHandler) row -> totals.put(row.getString("group_key"), totals(row)));
        return totals;
    }

    private static Totals totals(ResultSet row) throws SQLException {
        return Totals.of(yuan(row.getBigDecimal("disbursed")), yuan(row.getBigDecimal("recovered")),
                yuan(row.getBigDecimal("repaid")));
    }

    private static BigDecimal yuan(BigDecimal sum) {
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2, RoundingMode.UNNECESSARY);
    }
}
