package cn.rdfund.audit.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** MariaDB's EXPLAIN of each distinct SELECT a call sent, with full scans of big tables marked. */
public final class QueryPlans {

    /** A table access reading more rows than this without an index (type ALL or a full index scan) is a finding. */
    private static final long BIG = 1_000;

    public record Plan(String sql, String boundSql, int times, List<String> steps, List<String> fullScans) {
    }

    private QueryPlans() {
    }

    public static List<Plan> explain(DataSource dataSource, List<SqlRecorder.Executed> executed) throws SQLException {
        Map<String, List<SqlRecorder.Executed>> bySql = new LinkedHashMap<>();
        for (SqlRecorder.Executed statement : executed) {
            if (statement.sql().strip().toLowerCase(Locale.ROOT).startsWith("select")) {
                bySql.computeIfAbsent(normalize(statement.boundSql() != null ? statement.boundSql() : statement.sql()),
                        sql -> new ArrayList<>()).add(statement);
            }
        }
        List<Plan> plans = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (var entry : bySql.entrySet()) {
                String bound = entry.getValue().get(0).boundSql();
                List<String> steps = new ArrayList<>();
                List<String> fullScans = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("EXPLAIN " + bound)) {
                    while (rs.next()) {
                        String table = rs.getString("table");
                        String type = rs.getString("type");
                        String key = rs.getString("key");
                        long rows = rs.getLong("rows");
                        String extra = rs.getString("Extra");
                        steps.add(String.format("%s %s key=%s rows=%d%s", table, type, key, rows,
                                extra == null || extra.isBlank() ? "" : " (" + extra + ")"));
                        if (("ALL".equals(type) || "index".equals(type)) && rows > BIG) {
                            fullScans.add(table + " " + type + " rows=" + rows);
                        }
                    }
                }
                plans.add(new Plan(entry.getKey(), bound, entry.getValue().size(), steps, fullScans));
            }
        }
        return plans;
    }

    /** The statement with its values left out ('…' and numbers become ?) on one line: what makes it the same query. */
    static String normalize(String sql) {
        return sql.replaceAll("'(?:[^']|'')*'", "?").replaceAll("\\b\\d+\\b", "?").replaceAll("\\s+", " ")
                .replaceAll("\\?( ?, ?\\?)+", "?, …").strip();
    }

    /** The SQL on one line, at most {@code max} characters. */
    public static String shorten(String sql, int max) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
