package cn.rdfund.audit.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Copies finished projects, with everything the engine and RDFund recorded about them, by bulk SQL (INSERT ...
 * SELECT), so that a benchmark gets thousands of projects with real history from a few run through the engine.
 *
 * <p>Copy n of a row gets:
 * <ul>
 * <li>Camunda ids of instance-scoped things (process, activity, task, variable, decision instances, executions,
 * operations, jobs) with their last 6 characters replaced by {@code 'z'} + n in base 36 (5 digits): the length
 * stays the same (activity instance ids already use all 64 characters of their columns), and a copy never equals an
 * original (engine ids end in hexadecimal digits). Definition, deployment, activity, clause, rule and byte array
 * ids stay as they are: copies share the deployed models and the stored variable bytes.</li>
 * <li>RDFund's numeric ids (project, application, organization, review, assessment, ledger entry) plus n times an
 * offset above every existing id; codes and titles get {@code /n} or {@code  #n} appended, so that unique keys
 * (project code, organization uscc, one project per application, one ledger row per project, milestone and kind)
 * hold.</li>
 * </ul>
 * Calls are not copied: the copies of a project belong to its original's call. The ledger's hash chain
 * (ledger_seal) is not extended. The big history tables' non-unique indexes are dropped during the copy and built
 * again afterwards (so they come out compact, as after a rebuild); primary and unique keys are checked throughout.
 */
public final class HistoryCloner {

    /** Camunda history tables whose rows belong to a root process instance (ROOT_PROC_INST_ID_). */
    static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
            "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT",
            "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_HI_EXT_TASK_LOG", "ACT_HI_DECINST",
            "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT");

    /** Columns holding ids of instance-scoped engine objects: rewritten in every copy. */
    static final Set<String> INSTANCE_IDS = Set.of("ID_", "ROOT_PROC_INST_ID_", "PROC_INST_ID_",
            "PROCESS_INSTANCE_ID_", "EXECUTION_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_",
            "PARENT_TASK_ID_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_", "RESTARTED_PROC_INST_ID_",
            "VAR_INST_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "OPERATION_ID_", "JOB_ID_", "CAUSE_INCIDENT_ID_",
            "ROOT_CAUSE_INCIDENT_ID_", "EXT_TASK_ID_", "EXTERNAL_TASK_ID_", "CASE_INST_ID_", "CASE_EXECUTION_ID_",
            "SUPER_CASE_INSTANCE_ID_", "CALL_CASE_INST_ID_");

    /** RDFund's columns holding the numeric ids of copied rows: shifted in every copy. */
    private static final Set<String> DOMAIN_IDS = Set.of("id", "organization_id", "applicant_id", "application_id",
            "project_id", "claim_id");

    /** Rows per INSERT ... SELECT statement (one transaction each). */
    private static final int ROWS_PER_STATEMENT = 100_000;

    private final DataSource dataSource;
    private final Consumer<String> log;
    private final Map<String, Long> insertedRows = new LinkedHashMap<>();
    private long offset;

    public HistoryCloner(DataSource dataSource, Consumer<String> log) {
        this.dataSource = dataSource;
        this.log = log;
    }

    /** What each table got, in the order copied. */
    public Map<String, Long> insertedRows() {
        return insertedRows;
    }

    /** The id of copy n of the row with this id, in the tables with numeric ids. */
    public long copyId(long id, int n) {
        return id + n * offset;
    }

    /** The engine id of copy n of the object with this id (as the SQL does it). */
    public static String copyId(String id, int n) {
        String code = Integer.toString(n, 36).toUpperCase();
        return id.substring(0, id.length() - 6) + "z" + "0".repeat(5 - code.length()) + code;
    }

    /** Adds {@code copies} copies of each of these (finished) projects. */
    public void cloneProjects(List<Long> projectIds, int copies) throws SQLException {
        try (Connection connection = prepare(copies)) {
            String projects = projectIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
            String applications = "SELECT application_id FROM project WHERE id IN (" + projects + ")";
            String organizations = "SELECT organization_id FROM project WHERE id IN (" + projects
                    + ") UNION SELECT applicant_id FROM application WHERE id IN (" + applications + ")";
            String roots = "SELECT process_instance_id FROM project WHERE id IN (" + projects + ")"
                    + " UNION SELECT process_instance_id FROM application WHERE id IN (" + applications + ")";

            // RDFund's rows, parents first (foreign keys stay checked).
            copyDomain(connection, "organization", "id IN (" + organizations + ")", copies);
            copyDomain(connection, "application", "id IN (" + applications + ")", copies);
            copyDomain(connection, "application_partner", "application_id IN (" + applications + ")", copies);
            copyDomain(connection, "review", "application_id IN (" + applications + ")", copies);
            copyDomain(connection, "review_result", "application_id IN (" + applications + ")", copies);
            copyDomain(connection, "call_selection", "application_id IN (" + applications + ")", copies);
            copyDomain(connection, "project", "id IN (" + projects + ")", copies);
            copyDomain(connection, "milestone", "project_id IN (" + projects + ")", copies);
            copyDomain(connection, "instalment", "project_id IN (" + projects + ")", copies);
            copyDomain(connection, "project_assessment", "project_id IN (" + projects + ")", copies);
            copyDomain(connection, "ledger_entry", "project_id IN (" + projects + ")", copies);

            // The engine's history of the projects' and their applications' process hierarchies.
            copyHierarchies(connection, roots, copies);
            execute(connection, "DROP TABLE bench_copy");
        }
    }

    /**
     * Adds {@code copies} copies of each of these (finished) claims: the claimant's organization, the claim, its
     * funding record, instalment and ledger line, the history of the claim's process hierarchy (the payment's called
     * process included) and the engine's per-instance read grants on it (system.security.CaseReadGrants keeps them
     * after the end, for the audit), so that the engine's authorization checks meet as many grants as they would.
     */
    public void cloneClaims(List<Long> claimIds, int copies) throws SQLException {
        try (Connection connection = prepare(copies)) {
            String claims = claimIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
            String projects = "SELECT project_id FROM policy_claim WHERE id IN (" + claims + ")";
            String roots = "SELECT process_instance_id FROM policy_claim WHERE id IN (" + claims + ")";

            copyDomain(connection, "organization", "id IN (SELECT organization_id FROM policy_claim WHERE id IN ("
                    + claims + "))", copies);
            copyDomain(connection, "project", "id IN (" + projects + ")", copies);
            copyDomain(connection, "policy_claim", "id IN (" + claims + ")", copies);
            copyDomain(connection, "policy_claim_opinion", "claim_id IN (" + claims + ")", copies);
            copyDomain(connection, "instalment", "project_id IN (" + projects + ")", copies);
            copyDomain(connection, "ledger_entry", "project_id IN (" + projects + ")", copies);

            copyHierarchies(connection, roots, copies);
            copyHistory(connection, "ACT_RU_AUTHORIZATION", "RESOURCE_ID_ IN (SELECT ID_ FROM ACT_HI_PROCINST"
                    + " WHERE ROOT_PROC_INST_ID_ IN (" + roots + "))", copies);
            execute(connection, "DROP TABLE bench_copy");
        }
    }

    /** Every history row of the process hierarchies under these root instances (a SELECT of their ids). */
    private void copyHierarchies(Connection connection, String roots, int copies) throws SQLException {
        for (String table : HISTORY_TABLES) {
            copyHistory(connection, table, "ROOT_PROC_INST_ID_ IN (" + roots + ")", copies);
        }
    }

    /** A connection with the table of copy numbers 1 … copies, and the offset of the copies' numeric ids. */
    private Connection prepare(int copies) throws SQLException {
        if (copies < 1 || copies >= 36 * 36 * 36 * 36 * 36) {
            throw new IllegalArgumentException("copies: " + copies);
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            offset = offsetAbove(connection);
            execute(connection, "DROP TABLE IF EXISTS bench_copy");
            execute(connection, "CREATE TABLE bench_copy (n INT NOT NULL PRIMARY KEY)");
            for (int from = 1; from <= copies; from += 10_000) {
                StringBuilder values = new StringBuilder("INSERT INTO bench_copy (n) VALUES ");
                for (int n = from; n < Math.min(copies + 1, from + 10_000); n++) {
                    values.append(n == from ? "" : ", ").append('(').append(n).append(')');
                }
                execute(connection, values.toString());
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void copyDomain(Connection connection, String table, String originals, int copies) throws SQLException {
        List<String> columns = columns(connection, table);
        List<String> select = new ArrayList<>();
        for (String column : columns) {
            select.add(domainExpression(table, column));
        }
        copy(connection, table, columns, select, originals, copies, columns.contains("id") ? "s.id" : "1");
    }

    private String domainExpression(String table, String column) {
        String c = "s." + column;
        if (DOMAIN_IDS.contains(column) && !(table.equals("application_partner") && column.equals("organization_id"))) {
            return c + " + c.n * " + offset;
        }
        if (column.equals("process_instance_id") || column.equals("task_id")) {
            return engineId(c);
        }
        return switch (table + "." + column) {
            case "project.code", "application.code", "policy_claim.code" -> "CONCAT(" + c + ", '/', c.n)";
            case "organization.uscc" -> "CONCAT('9121BM', LPAD(s.id + c.n * " + offset + ", 12, '0'))";
            case "organization.name", "project.title", "application.title", "policy_claim.title" ->
                    "CONCAT(" + c + ", ' #', c.n)";
            default -> c;
        };
    }

    private void copyHistory(Connection connection, String table, String originals, int copies) throws SQLException {
        List<String> columns = columns(connection, table);
        List<String> select = new ArrayList<>();
        for (String column : columns) {
            String c = "s." + column;
            // A grant's resource is a process instance of the copied hierarchy.
            select.add(INSTANCE_IDS.contains(column) || column.equals("RESOURCE_ID_") ? engineId(c)
                    // A business key is a case code (an ExpertReview's before 申报编号: its application's instance id).
                    : column.equals("BUSINESS_KEY_") ? "CASE WHEN CHAR_LENGTH(" + c + ") = 36 THEN " + engineId(c)
                            + " ELSE CONCAT(" + c + ", '/', c.n) END"
                    : c);
        }
        copy(connection, table, columns, select, originals, copies, "s.ID_");
    }

    /**
     * The non-unique secondary indexes of a table, as {@code ADD INDEX} clauses: dropped while the copies go in and
     * built again afterwards (by sorting, much faster than maintaining Camunda's many indexes row by row). Unique
     * keys stay, so that they keep checking the copies.
     */
    private static List<String> secondaryIndexes(Connection connection, String table) throws SQLException {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = '" + table + "' AND NON_UNIQUE = 1 ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
            while (rs.next()) {
                indexes.computeIfAbsent(rs.getString(1), name -> new ArrayList<>())
                        .add(rs.getString(2) + (rs.getObject(3) == null ? "" : "(" + rs.getInt(3) + ")"));
            }
        }
        return indexes.entrySet().stream()
                .map(index -> "ADD INDEX " + index.getKey() + " (" + String.join(", ", index.getValue()) + ")").toList();
    }

    private void copy(Connection connection, String table, List<String> columns, List<String> select, String originals,
            int copies, String order) throws SQLException {
        long started = System.nanoTime();
        String source = "bench_src_" + table.toLowerCase();
        execute(connection, "DROP TABLE IF EXISTS " + source);
        execute(connection, "CREATE TABLE " + source + " AS SELECT * FROM " + table + " WHERE " + originals);
        long rows = count(connection, source);
        if (rows > 0 && table.startsWith("ACT_")) {
            checkEngineIds(connection, source, columns);
        }
        // Camunda's tables only: RDFund's have foreign keys, whose indexes MySQL does not let go.
        List<String> indexes = table.startsWith("ACT_") && rows * copies > ROWS_PER_STATEMENT
                ? secondaryIndexes(connection, table) : List.of();
        if (!indexes.isEmpty()) {
            execute(connection, "ALTER TABLE " + table + " " + indexes.stream()
                    .map(index -> "DROP INDEX " + index.split(" ")[2]).collect(Collectors.joining(", ")));
        }
        long inserted = 0;
        int perStatement = (int) Math.max(1, Math.min(copies, ROWS_PER_STATEMENT / Math.max(1, rows)));
        for (int from = 1; rows > 0 && from <= copies; from += perStatement) {
            int to = Math.min(copies, from + perStatement - 1);
            try (Statement statement = connection.createStatement()) {
                // In primary key order: the copies of one row (same id but the last characters) lie together.
                inserted += statement.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns)
                        + ") SELECT " + String.join(", ", select) + " FROM " + source + " s JOIN bench_copy c ON c.n BETWEEN "
                        + from + " AND " + to + " ORDER BY " + order + ", c.n");
            }
        }
        if (!indexes.isEmpty()) {
            execute(connection, "ALTER TABLE " + table + " " + String.join(", ", indexes));
        }
        execute(connection, "DROP TABLE " + source);
        insertedRows.put(table, inserted);
        log.accept(String.format("  %-20s %6d originals -> %9d copies in %5.1f s", table, rows, inserted,
                (System.nanoTime() - started) / 1e9));
    }

    /** The rewrite keeps an id's length: every rewritten id must be long enough to end in a UUID. */
    private static void checkEngineIds(Connection connection, String source, List<String> columns) throws SQLException {
        for (String column : columns) {
            if (INSTANCE_IDS.contains(column) || column.equals("RESOURCE_ID_")) {
                long shortIds = count(connection, source + " WHERE CHAR_LENGTH(" + column + ") < 36");
                if (shortIds > 0) {
                    throw new IllegalStateException(source + "." + column + " has " + shortIds
                            + " ids shorter than a UUID: the copy rule does not fit them");
                }
            }
        }
    }

    private static String engineId(String column) {
        return "CONCAT(LEFT(" + column + ", CHAR_LENGTH(" + column + ") - 6), 'z', LPAD(CONV(c.n, 10, 36), 5, '0'))";
    }

    /** A power of ten above every numeric id of the copied tables, so that no copy meets an existing row. */
    private static long offsetAbove(Connection connection) throws SQLException {
        long max = 0;
        for (String table : List.of("organization", "application", "review", "project", "project_assessment",
                "ledger_entry", "policy_claim", "policy_claim_opinion")) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                rs.next();
                max = Math.max(max, rs.getLong(1));
            }
        }
        long offset = 10;
        while (offset <= max) {
            offset *= 10;
        }
        return offset;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                        + table + "' ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No table " + table);
        }
        return columns;
    }

    static long count(Connection connection, String from) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
