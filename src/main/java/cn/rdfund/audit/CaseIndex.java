package cn.rdfund.audit;

import cn.rdfund.organization.District;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds cases of every kind through one query over calls, applications, projects and claims, and the process
 * instances that tell each case's story: a project's own, its application's (check and review), its claim's or
 * its challenge's.
 */
@Component
class CaseIndex {

    static final int MAX_RESULTS = 200;
    private static final Pattern USCC_SHAPE = Pattern.compile("[0-9A-Z]{18}");
    /**
     * A whole case code: XM2026-000003 (project), SB2026-000012 (application), DX2026-000001 (claim), ZN2026-1A2B3C4D
     * (call), JB… (challenge).
     */
    private static final Pattern CODE_SHAPE = Pattern.compile("(XM|SB|DX)\\d{4}-\\d{6,}|(ZN|JB)\\d{4}-[0-9A-F]{8}");

    /**
     * One SELECT per kind of case, with the same columns; the search reads their UNION, a lookup only its own. A
     * project's lead unit by challenge or claim is a subquery, not a join: with a join to the (small) challenge table
     * MySQL buffers the join and sorts every project instead of reading the newest through the index.
     */
    static final Map<String, String> KINDS = Map.of(
            AuditCase.PROJECT, """
                    SELECT 'project' AS kind, p.id, p.code, p.title, p.organization_id, o.name AS organization_name,
                      o.uscc, o.district, p.measure, COALESCE(fc.lead_unit,
                        (SELECT cc.lead_unit FROM challenge ch JOIN funding_call cc ON cc.id = ch.call_id
                         WHERE ch.project_id = p.id ORDER BY ch.id LIMIT 1),
                        (SELECT pc.lead_unit FROM policy_claim pc WHERE pc.project_id = p.id ORDER BY pc.id LIMIT 1))
                        AS lead_unit,
                      p.status, p.created_at, p.id AS project_id
                    FROM project p
                    JOIN organization o ON o.id = p.organization_id
                    LEFT JOIN funding_call fc ON fc.id = p.call_id""",
            AuditCase.APPLICATION, """
                    SELECT 'application' AS kind, a.id, a.code, a.title, a.applicant_id AS organization_id,
                      o.name AS organization_name, o.uscc, o.district, fc.measure, fc.lead_unit, a.status,
                      a.created_at, pr.id AS project_id
                    FROM application a
                    JOIN organization o ON o.id = a.applicant_id
                    JOIN funding_call fc ON fc.id = a.call_id
                    LEFT JOIN project pr ON pr.application_id = a.id""",
            AuditCase.CLAIM, """
                    SELECT 'claim' AS kind, pc.id, pc.code, pc.title, pc.organization_id, o.name AS organization_name,
                      o.uscc, o.district, pc.measure, pc.lead_unit, pc.status, pc.created_at, pc.project_id
                    FROM policy_claim pc
                    JOIN organization o ON o.id = pc.organization_id""",
            AuditCase.CALL, """
                    SELECT 'call' AS kind, fc.id, fc.code, fc.title, o.id AS organization_id,
                      o.name AS organization_name, o.uscc, o.district, fc.measure, fc.lead_unit, fc.status,
                      fc.created_at, NULL AS project_id
                    FROM funding_call fc
                    LEFT JOIN organization o ON o.id = fc.owner_organization_id""");

    /** Projects first: the UNION takes its column types from the first SELECT, which has no NULL column. */
    private static final List<String> SEARCH_ORDER = List.of(AuditCase.PROJECT, AuditCase.APPLICATION, AuditCase.CLAIM,
            AuditCase.CALL);

    /** Above this many index rows for a word's rarest number, the search reads the newest cases instead. */
    static final int INDEXED_AT_MOST = 1000;
    private static final int GRAMS_COUNTED = 8;

    private final JdbcClient jdbc;
    private final CaseSearchIndex searchIndex;

    CaseIndex(JdbcClient jdbc, CaseSearchIndex searchIndex) {
        this.jdbc = jdbc;
        this.searchIndex = searchIndex;
    }

    /**
     * The newest cases matching the search, at most {@link #MAX_RESULTS}. Each kind's SELECT filters, orders and
     * limits itself (through its table's index on created_at, migration V23), so that the newest cases are read
     * without reading every case; their UNION holds at most {@link #MAX_RESULTS} rows per kind. Text that few cases
     * contain (Chinese, letters or digits) is looked up in the search index instead ({@link #candidates}).
     */
    List<AuditCase> search(CaseSearch search) {
        Candidates candidates = candidates(search.text());
        List<String> selects = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String kind : SEARCH_ORDER) {
            if (search.kind() == null || search.kind().isBlank() || search.kind().equals(kind)) {
                if (candidates == null) {
                    selects.add(select(kind, search, "", List.of(), params));
                    continue;
                }
                List<Long> indexed = candidates.ids().getOrDefault(kind, List.of());
                if (!indexed.isEmpty()) {
                    selects.add(select(kind, search, " AND c.id IN (" + String.join(", ",
                            indexed.stream().map(id -> "?").toList()) + ")", indexed, params));
                }
                // Cases above the index's progress mark (the newest, not yet indexed) are read directly.
                selects.add(select(kind, search, " AND c.id > ?", List.of(candidates.upTo().getOrDefault(kind, 0L)),
                        params));
            }
        }
        if (selects.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT * FROM (" + String.join("\nUNION ALL\n", selects) + ") c ORDER BY c.created_at DESC,"
                + " c.id DESC LIMIT " + MAX_RESULTS;
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs, List.of())).list();
    }

    private static String select(String kind, CaseSearch search, String ids, List<Long> idParams,
            List<Object> params) {
        params.addAll(idParams);
        return "(SELECT * FROM (" + KINDS.get(kind) + ") c WHERE 1 = 1" + ids + where(search, params)
                + " ORDER BY c.created_at DESC, c.id DESC LIMIT " + MAX_RESULTS + ")";
    }

    /**
     * The indexed cases that may contain the searched text, with every kind's progress mark (cases above it are not
     * indexed yet): those having the rarest of its pairs of Chinese characters (or of its characters, when it has no
     * pair) and its runs of letters or digits ({@link CaseGrams#ofSearch}). Null for a whole code or credit code
     * (looked up by its unique index), and when the index does not help: the text has none of them (a sign), or even
     * the rarest is in more than {@link #INDEXED_AT_MOST} index rows (then matches are common and reading the newest
     * cases finds them soon).
     */
    private Candidates candidates(String text) {
        if (text == null || text.isBlank() || isWholeCreditCode(text) || isWholeCode(text)) {
            return null;
        }
        Set<CaseGrams.Range> ranges = CaseGrams.ofSearch(searched(text)).stream().limit(GRAMS_COUNTED)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (ranges.isEmpty()) {
            return null;
        }
        // The progress first: a case indexed after it was read is above it, and read directly, not twice.
        Map<String, Long> upTo = searchIndex.progress();
        Map.Entry<CaseGrams.Range, Integer> rarest = searchIndex.counts(ranges, INDEXED_AT_MOST + 1).entrySet()
                .stream().min(Map.Entry.comparingByValue()).orElseThrow();
        if (rarest.getValue() > INDEXED_AT_MOST) {
            return null;
        }
        Map<String, List<Long>> ids = new HashMap<>();
        searchIndex.cases(rarest.getKey()).forEach((kind, cases) -> ids.put(kind,
                cases.stream().filter(id -> id <= upTo.getOrDefault(kind, 0L)).toList()));
        return new Candidates(ids, upTo);
    }

    /** A whole 统一社会信用代码: looked up through the organization's unique index. */
    private static boolean isWholeCreditCode(String text) {
        return USCC_SHAPE.matcher(text.strip()).matches();
    }

    /** A whole case code, in capitals or not: looked up through the code's unique index. */
    private static boolean isWholeCode(String text) {
        return CODE_SHAPE.matcher(text.strip().toUpperCase(Locale.ROOT)).matches();
    }

    /** The text a search looks for, as its LIKE has it: without LIKE's wildcards. */
    private static String searched(String text) {
        return text.strip().replace("%", "").replace("_", "");
    }

    private record Candidates(Map<String, List<Long>> ids, Map<String, Long> upTo) {
    }

    private static String where(CaseSearch search, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (search.text() != null && isWholeCreditCode(search.text())) {
            // A whole credit code: that enterprise's cases, through the unique index instead of reading every case.
            sql.append(" AND c.uscc = ?");
            params.add(search.text().strip());
        } else if (search.text() != null && isWholeCode(search.text())) {
            // A whole code: that case through the code's unique index.
            sql.append(" AND c.code = ?");
            params.add(search.text().strip().toUpperCase(Locale.ROOT));
        } else if (search.text() != null && !search.text().isBlank()) {
            // Letters in capitals or not, as the index folds them (5g finds 5G), on both sides by the database.
            String like = "%" + searched(search.text()) + "%";
            sql.append(" AND (UPPER(c.title) LIKE UPPER(?) OR UPPER(c.code) LIKE UPPER(?)"
                    + " OR UPPER(c.organization_name) LIKE UPPER(?) OR UPPER(c.uscc) LIKE UPPER(?))");
            params.addAll(List.of(like, like, like, like));
        }
        if (search.funded()) {
            sql.append(" AND c.kind = 'project' AND c.status NOT IN (").append(Dashboard.UNFUNDED).append(")");
        }
        if (search.area() != null && !search.area().isBlank()) {
            // Projects whose call names the area (as the dashboard splits them), and calls that name it.
            sql.append(" AND ((c.kind = 'project' AND c.id IN (SELECT ap.id FROM project ap JOIN funding_call_area fa"
                    + " ON fa.call_id = ap.call_id WHERE fa.area = ?)) OR (c.kind = 'call' AND c.id IN"
                    + " (SELECT ca.call_id FROM funding_call_area ca WHERE ca.area = ?)))");
            params.add(search.area().strip());
            params.add(search.area().strip());
        }
        where(sql, params, "c.measure", search.measure());
        where(sql, params, "c.district", search.district());
        if (search.units() != null) {
            sql.append(" AND c.lead_unit IN (").append(search.units().isEmpty() ? "NULL"
                    : String.join(", ", search.units().stream().map(unit -> "?").toList())).append(")");
            params.addAll(search.units());
        }
        if (search.year() != null && (search.year() < 1900 || search.year() > 9999)) {
            sql.append(" AND 1 = 0");
        } else if (search.year() != null) {
            sql.append(YearRange.of("c.created_at", search.year(), params));
        }
        return sql.toString();
    }

    /** One case with the process instances of its timeline, oldest first. */
    Optional<AuditCase> find(String kind, long id) {
        if (!KINDS.containsKey(kind)) {
            return Optional.empty();
        }
        // Only the kind's own SELECT: no database has to push the id into a UNION to use the primary key.
        return jdbc.sql("SELECT * FROM (" + KINDS.get(kind) + ") c WHERE c.id = ?").param(id)
                .query((rs, n) -> row(rs, List.of())).optional()
                .map(found -> found.withProcessInstances(processInstances(kind, id)));
    }

    private static AuditCase row(ResultSet rs, List<String> processInstanceIds) throws SQLException {
        return new AuditCase(rs.getString("kind"), rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                rs.getObject("organization_id", Long.class), rs.getString("organization_name"), rs.getString("uscc"),
                District.displayNameOf(rs.getString("district")), rs.getString("measure"), rs.getString("lead_unit"),
                rs.getString("status"), rs.getTimestamp("created_at").toLocalDateTime(), rs.getObject("project_id", Long.class),
                processInstanceIds);
    }

    private List<String> processInstances(String kind, long id) {
        String sql = switch (kind) {
            case AuditCase.PROJECT -> """
                    SELECT a.process_instance_id FROM project p JOIN application a ON a.id = p.application_id WHERE p.id = :id
                    UNION ALL SELECT process_instance_id FROM challenge WHERE project_id = :id
                    UNION ALL SELECT process_instance_id FROM policy_claim WHERE project_id = :id
                    UNION ALL SELECT process_instance_id FROM project WHERE id = :id""";
            case AuditCase.APPLICATION -> "SELECT process_instance_id FROM application WHERE id = :id";
            case AuditCase.CLAIM -> "SELECT process_instance_id FROM policy_claim WHERE id = :id";
            default -> "SELECT process_instance_id FROM funding_call WHERE id = :id";
        };
        Set<String> ids = new LinkedHashSet<>(jdbc.sql(sql).param("id", id).query(String.class).list());
        ids.remove(null);
        return List.copyOf(ids);
    }

    private static void where(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
