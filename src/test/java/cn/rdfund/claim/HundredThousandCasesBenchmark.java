package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.audit.benchmark.HistoryCloner;
import cn.rdfund.claim.ClaimCostBenchmark.Side;
import cn.rdfund.support.ApplicationProcess;
import cn.rdfund.support.ClientThreads;
import cn.rdfund.support.MySqlTestDatabase;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.ServerCost;
import cn.rdfund.support.TasklistClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Does RDFund stay as fast when its database holds 100,000 finished cases? The same server and client as
 * {@link ClaimCostBenchmark} (RDFund as a process of its own on a MariaDB/MySQL database of its own, P4.3 claims
 * driven over {@code /engine-rest} with HTTP Basic by four client threads), measured twice in one run: on a database
 * with only the first round's claims, and after {@link HistoryCloner} has copied those finished claims (organization,
 * claim, funding record, instalment, ledger line, the whole history of both process instances and the engine's read
 * grants) up to 100,000 cases. Each time: claims per second with their server CPU and statements per completion, and
 * the auditor's four reads over HTTP, one at a time — a claim's timeline, the case search (the newest cases, as the
 * page opens, and one enterprise by its credit code), the ledger report's first page with the totals, and the
 * dashboard. A benchmark, not a test: it checks that the work was done and the data set is what it claims, never how
 * fast. Runs with {@code ./mvnw -Pbenchmark test -Dtest=HundredThousandCasesBenchmark}; see docs/performance.md.
 *
 * <p>System properties: {@code benchmark.cases} (100000), {@code benchmark.claims} (80 measured claims per round),
 * {@code benchmark.warmupClaims} (40 per round), {@code benchmark.threads} (4), {@code benchmark.samples} (100 per
 * read and round, after 20 unmeasured), {@code benchmark.keepDatabase} (false), {@code benchmark.database} (none: the
 * name of a database an earlier run kept; then the copies are not made again — the first round runs on a new empty
 * database, the second on the kept one, for example after the database server's settings changed).
 */
@Tag("benchmark")
@ResourceLock(RdfundIntegrationTest.APPLICATION) // the database server's global counters: nothing may run beside it
class HundredThousandCasesBenchmark {

    private static final int CASES = Integer.getInteger("benchmark.cases", 100_000);
    private static final int CLAIMS = Integer.getInteger("benchmark.claims", 80);
    private static final int WARMUP_CLAIMS = Integer.getInteger("benchmark.warmupClaims", 40);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 100);
    private static final int WARMUP_SAMPLES = 20;
    private static final boolean KEEP_DATABASE = Boolean.getBoolean("benchmark.keepDatabase");
    private static final String KEPT_DATABASE = System.getProperty("benchmark.database");
    private static final Path RESULTS = Path.of("target", "benchmark", "hundred-thousand-cases.txt");
    /** The big tables, analysed after the copy so that the optimizer knows their size. */
    private static final List<String> ANALYZED = List.of("organization", "project", "policy_claim", "instalment",
            "ledger_entry", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
            "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN",
            "ACT_HI_DEC_OUT", "ACT_RU_AUTHORIZATION", "ACT_ID_USER");

    @TempDir
    Path workingDirectory;

    /** How long the node keeps the dashboard's figures (a minute by default; shorter here, not to wait a minute). */
    static final Duration DASHBOARD_KEPT_FOR = Duration.ofSeconds(10);

    /** Second characters for a word that no case has (钴钼铌钽 and one of these). */
    private static final String NO_CASE_HAS = "铼锇铱铂钯铑钌锝钪钇镧铈镨钕钷钐铕钆铽镝钬铒铥镱镥";

    private final StringBuilder report = new StringBuilder();
    private final Random random = new Random(20_261_206L);
    private int appendedLines;

    @Test
    void claimsAndTheAuditorsReadsWithAHundredThousandFinishedCases() throws Exception {
        if (KEPT_DATABASE != null) {
            measureAgainOnTheKeptDatabase();
            return;
        }
        MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();
        database.create();
        try {
            database.runCamundaCreateScripts();
            try (ApplicationProcess node = ClaimCostBenchmark.startRdfund(database, workingDirectory.resolve("node"),
                    "benchmark-hundred-thousand")) {
                TasklistClient client = new TasklistClient(node.port());
                int perRound = WARMUP_CLAIMS + CLAIMS;
                List<String> claimants = ClaimCostBenchmark.applicants(node, 0, 2 * perRound);

                Side empty = round(database, client, claimants.subList(0, perRound), node);
                long casesBefore = count(database, "policy_claim");
                Map<String, long[]> readsEmpty = reads(database, client);

                long started = System.nanoTime();
                long cases = fill(database);
                double fillSeconds = (System.nanoTime() - started) / 1e9;

                awaitSearchIndex(database); // the copies are indexed in the background: not during the round
                Side full = round(database, client, claimants.subList(perRound, 2 * perRound), node);
                Map<String, long[]> readsFull = reads(database, client);
                JsonNode ledger = client.get("auditor", "/api/audit/ledger?limit=1");
                assertThat(ledger.path("lineCount").asLong()).as("one payment per claim, and the lines appended")
                        .isEqualTo(cases + perRound + appendedLines);

                printResults(empty, full, readsEmpty, readsFull, casesBefore, cases, fillSeconds, database);
            }
        } finally {
            if (KEEP_DATABASE) {
                System.out.println("benchmark.keepDatabase: kept " + database.jdbcUrl());
            } else {
                database.drop();
            }
        }
    }

    private void measureAgainOnTheKeptDatabase() throws Exception {
        int perRound = WARMUP_CLAIMS + CLAIMS;
        MySqlTestDatabase empty = MySqlTestDatabase.fromEnvironment();
        empty.create();
        Side emptyRound;
        Map<String, long[]> readsEmpty;
        long casesBefore;
        try {
            empty.runCamundaCreateScripts();
            try (ApplicationProcess node = ClaimCostBenchmark.startRdfund(empty, workingDirectory.resolve("empty"),
                    "benchmark-hundred-thousand-empty")) {
                TasklistClient client = new TasklistClient(node.port());
                emptyRound = round(empty, client, ClaimCostBenchmark.applicants(node, 0, perRound), node);
                casesBefore = count(empty, "policy_claim");
                readsEmpty = reads(empty, client);
            }
        } finally {
            empty.drop();
        }
        MySqlTestDatabase kept = MySqlTestDatabase.named(KEPT_DATABASE);
        try (ApplicationProcess node = ClaimCostBenchmark.startRdfund(kept, workingDirectory.resolve("kept"),
                "benchmark-hundred-thousand-kept")) {
            TasklistClient client = new TasklistClient(node.port());
            // Applicants of their own: the kept database has those of the runs before.
            int from = 100_000 + (int) count(kept, "ACT_ID_USER WHERE ID_ LIKE 'bench-claimant-%'");
            awaitSearchIndex(kept); // a database kept before the index existed is indexed now: not during the round
            Side full = round(kept, client, ClaimCostBenchmark.applicants(node, from, perRound), node);
            Map<String, long[]> readsFull = reads(kept, client);
            printResults(emptyRound, full, readsEmpty, readsFull, casesBefore, count(kept, "policy_claim"), 0, kept);
        }
    }

    /** A warm-up round of claims, then the measured one, each claim by an applicant of its own. */
    private static Side round(MySqlTestDatabase database, TasklistClient client, List<String> claimants,
            ApplicationProcess node) {
        List<TasklistClient> oneNode = List.of(client);
        ClientThreads.run(THREADS, WARMUP_CLAIMS, i -> ClaimCostBenchmark.claimUpToPayment(oneNode, i, claimants.get(i)));
        client.awaitEveryInstanceEnded(PolicyClaimProcess.KEY, ClaimCostBenchmark.CLAIMS_END_WITHIN);

        ServerCost before = ServerCost.now(database, node);
        Duration wall = ClientThreads.run(THREADS, CLAIMS,
                i -> ClaimCostBenchmark.claimUpToPayment(oneNode, i, claimants.get(WARMUP_CLAIMS + i)));
        client.awaitEveryInstanceEnded(PolicyClaimProcess.KEY, ClaimCostBenchmark.CLAIMS_END_WITHIN);
        return new Side(CLAIMS * ClaimCostBenchmark.TASKS_PER_CLAIM, wall,
                ServerCost.now(database, node).since(before), Map.of());
    }

    /** Copies of the finished claims up to {@link #CASES} cases; answers how many claims there are. */
    private long fill(MySqlTestDatabase database) throws SQLException {
        List<Long> originals = ids(database, "SELECT id FROM policy_claim ORDER BY id");
        int copies = (CASES - originals.size() + originals.size() - 1) / originals.size();
        print("Copying " + originals.size() + " finished claims " + copies + " times each:");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.user(),
                database.password());
        new HistoryCloner(dataSource, this::print).cloneClaims(originals, copies);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // One account per copied enterprise, as every claimant has one (the copies' history names the originals').
            statement.executeUpdate("INSERT INTO ACT_ID_USER (ID_, REV_, FIRST_, LAST_) SELECT CONCAT('bench-copy-',"
                    + " pc.id), 1, '基准', '申领人' FROM policy_claim pc WHERE pc.id > " + originals.get(originals.size() - 1));
            for (String table : ANALYZED) {
                statement.execute("ANALYZE TABLE " + table);
            }
        }
        long claims = count(database, "policy_claim");
        assertThat(claims).isEqualTo((long) originals.size() * (copies + 1));
        assertThat(count(database, "policy_claim WHERE project_id IS NULL")).as("every claim paid").isZero();
        return claims;
    }

    /** The auditor's reads, one at a time, in random order of the cases: milliseconds per call, sorted. */
    private Map<String, long[]> reads(MySqlTestDatabase database, TasklistClient client) throws SQLException {
        awaitSearchIndex(database);
        List<Long> claims = ids(database, "SELECT id FROM policy_claim");
        // The Chinese words the enterprises' names begin with (the copies add " #n"): a word many cases have.
        List<String> names = strings(database, "SELECT o.name FROM policy_claim pc JOIN organization o"
                + " ON o.id = pc.organization_id").stream().map(name -> name.split("[^\\p{IsHan}]+")[0])
                .filter(name -> name.length() >= 2).toList();
        List<String> usccs = strings(database, "SELECT o.uscc FROM policy_claim pc JOIN organization o"
                + " ON o.id = pc.organization_id");
        Map<String, long[]> reads = new LinkedHashMap<>();
        reads.put("timeline of a claim", sample(i -> "/api/audit/cases/claim/" + pick(claims), client,
                view -> assertThat(view.path("timeline").size()).isPositive()));
        reads.put("case search: the newest cases", sample(i -> "/api/audit/cases", client,
                found -> assertThat(found.size()).isPositive()));
        reads.put("case search: one enterprise's credit code", sample(i -> "/api/audit/cases?q=" + pick(usccs), client,
                found -> assertThat(found.size()).isPositive()));
        reads.put("case search: a word of an enterprise's name (many cases)", sample(i -> "/api/audit/cases?q="
                + pick(names), client, found -> assertThat(found.size()).isPositive()));
        // The worst case for reading the newest cases until enough match: no case matches (audit.CaseSearchIndex).
        reads.put("case search: a word no case has", sample(i -> "/api/audit/cases?q=钴钼铌钽"
                + NO_CASE_HAS.charAt(random.nextInt(NO_CASE_HAS.length())), client,
                found -> assertThat(found.size()).isZero()));
        // Two letters: the index entries starting with them (migration V36; before it, every case was read).
        reads.put("case search: two letters no case has", sample(i -> "/api/audit/cases?q=ZZ", client,
                found -> assertThat(found.size()).isZero()));
        reads.put("case search: one character no case has", sample(i -> "/api/audit/cases?q="
                + NO_CASE_HAS.charAt(random.nextInt(NO_CASE_HAS.length())), client,
                found -> assertThat(found.size()).isZero()));
        reads.put("case search: part of a credit code", sample(i -> "/api/audit/cases?q="
                + pick(usccs).substring(2, 10), client, found -> assertThat(found.size()).isPositive()));
        reads.put("case search: part of a credit code no case has", sample(i -> "/api/audit/cases?q=ZZ"
                + (100000 + random.nextInt(900000)), client, found -> assertThat(found.size()).isZero()));
        reads.put("ledger report, first page and totals", sample(i -> "/api/audit/ledger", client,
                page -> assertThat(page.path("lineCount").asLong()).isPositive()));
        // The totals are kept while the ledger stays as it was (audit.LedgerReports): a new line before each call
        // makes every call add them up again, as the first call after a payment does.
        reads.put("ledger report after a new line (totals added up again)", sample(i -> {
            appendLedgerLine(database);
            return "/api/audit/ledger";
        }, client, page -> assertThat(page.path("lineCount").asLong()).isPositive()));
        // The figures are kept (audit.Dashboard): the first call adds them up, the others read them; a call after
        // they aged answers with them and has them added up again in the background.
        reads.put("dashboard, first call (figures added up)", once("/api/audit/dashboard", client));
        pause(DASHBOARD_KEPT_FOR.plusSeconds(1));
        reads.put("dashboard, first call after the figures aged", once("/api/audit/dashboard", client));
        reads.put("dashboard", sample(i -> "/api/audit/dashboard", client,
                figures -> assertThat(figures.path("byMeasure").size()).isPositive()));
        return reads;
    }

    /**
     * A ledger line of 1 yuan on a funding record of its own (not a claim's, so that the copies leave it out; not
     * sealed: the database is dropped at the end).
     */
    private void appendLedgerLine(MySqlTestDatabase database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO project (code, title, measure, organization_id, approved_amount,"
                    + " status, created_at) SELECT 'BENCH-LEDGER', '基准测试追加台账', measure, organization_id,"
                    + " 0, 'COMPLETED', NOW() FROM project WHERE NOT EXISTS (SELECT 1 FROM project"
                    + " WHERE code = 'BENCH-LEDGER') ORDER BY id LIMIT 1");
            statement.executeUpdate("INSERT INTO ledger_entry (project_id, milestone_seq, kind, amount, organization_id,"
                    + " memo, approved_by, recorded_by, recorded_at) SELECT p.id, 1000 + (SELECT COUNT(*) FROM"
                    + " ledger_entry x WHERE x.project_id = p.id), 'DISBURSEMENT', 1.00, p.organization_id, '基准测试追加',"
                    + " 'finance', 'benchmark', NOW() FROM project p WHERE p.code = 'BENCH-LEDGER'");
            appendedLines++;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] once(String path, TasklistClient client) {
        long started = System.nanoTime();
        client.get("auditor", path);
        return new long[] {System.nanoTime() - started};
    }

    private static long[] sample(IntFunction<String> path, TasklistClient client, Consumer<JsonNode> check) {
        long[] millis = new long[SAMPLES];
        for (int i = -WARMUP_SAMPLES; i < SAMPLES; i++) {
            String next = path.apply(i);
            long started = System.nanoTime();
            JsonNode answer = client.get("auditor", next);
            long took = System.nanoTime() - started;
            check.accept(answer);
            if (i >= 0) {
                millis[i] = took;
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private void printResults(Side empty, Side full, Map<String, long[]> readsEmpty, Map<String, long[]> readsFull,
            long casesBefore, long cases, double fillSeconds, MySqlTestDatabase database)
            throws IOException, SQLException {
        print("");
        print("RDFund benchmark: " + String.format(Locale.ROOT, "%,d", cases) + " finished cases against "
                + casesBefore + " (" + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + THREADS + " client threads; "
                + (KEPT_DATABASE != null ? "the copies of an earlier run, kept"
                        : "copies made in " + String.format(Locale.ROOT, "%.0f s", fillSeconds))
                + "; InnoDB buffer pool "
                + ids(database, "SELECT @@innodb_buffer_pool_size DIV 1048576").get(0) + " MB)");
        print("");
        print("| per user-task completion (P4.3 claims) | " + casesBefore + " cases | "
                + String.format(Locale.ROOT, "%,d", cases) + " cases | ratio |");
        print("|---|---|---|---|");
        row("completions/s", empty.perSecond(), full.perSecond(), "%.1f");
        row("server CPU, ms", empty.cpuMillis(), full.cpuMillis(), "%.1f");
        row("SQL statements", empty.per("Questions"), full.per("Questions"), "%.1f");
        row("  of which SELECT", empty.per("Com_select"), full.per("Com_select"), "%.1f");
        row("commits", empty.per("Com_commit"), full.per("Com_commit"), "%.2f");
        print("");
        print("| the auditor's read, over HTTP, ms (" + SAMPLES + " calls each) | p50 / p99 / max at " + casesBefore
                + " | p50 / p99 / max at " + String.format(Locale.ROOT, "%,d", cases) + " |");
        print("|---|---|---|");
        readsEmpty.forEach((read, millis) -> print("| " + read + " | " + percentiles(millis) + " | "
                + percentiles(readsFull.get(read)) + " |"));
        print("");
        print("Rows at the end: " + database.rowCounts().entrySet().stream().limit(12)
                .map(table -> table.getKey() + " " + String.format(Locale.ROOT, "%,d", table.getValue())).toList());
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, report);
    }

    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest rank, in milliseconds. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private void row(String label, double before, double after, String format) {
        print("| " + label + " | " + String.format(Locale.ROOT, format, before) + " | "
                + String.format(Locale.ROOT, format, after) + " | "
                + String.format(Locale.ROOT, "%.2f×", after / before) + " |");
    }

    /**
     * Waits until the case search's index (filled in the background, audit.CaseSearchIndex) has every case but the
     * last rounds' (read directly by the search): copies made or kept are indexed first.
     */
    private void awaitSearchIndex(MySqlTestDatabase database) throws SQLException {
        long started = System.nanoTime();
        for (;;) {
            long behind = count(database, "policy_claim WHERE id > (SELECT up_to_id FROM case_search_progress"
                    + " WHERE kind = 'claim')") + count(database, "project WHERE id > (SELECT up_to_id FROM"
                    + " case_search_progress WHERE kind = 'project')");
            if (behind <= 4L * (WARMUP_CLAIMS + CLAIMS)) {
                break;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("search index caught up")
                    .isLessThan(Duration.ofMinutes(30));
            pause(Duration.ofSeconds(5));
        }
        print(String.format(Locale.ROOT, "Case search index: %,d entries of %,d cases, waited %.0f s",
                count(database, "case_search_gram"), count(database, "policy_claim") + count(database, "project"),
                (System.nanoTime() - started) / 1e9));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(MySqlTestDatabase database, String from) throws SQLException {
        return ids(database, "SELECT COUNT(*) FROM " + from).get(0);
    }

    private static List<Long> ids(MySqlTestDatabase database, String sql) throws SQLException {
        return strings(database, sql).stream().map(Long::valueOf).toList();
    }

    private static List<String> strings(MySqlTestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
