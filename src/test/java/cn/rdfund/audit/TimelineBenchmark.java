package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.audit.benchmark.HistoryCloner;
import cn.rdfund.audit.benchmark.QueryPlans;
import cn.rdfund.audit.benchmark.SqlRecorder;
import cn.rdfund.audit.benchmark.Timings;
import cn.rdfund.project.Project;
import cn.rdfund.support.MySqlTestDatabase;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast one project's audit timeline answers when the database holds 10,000 finished projects with their whole
 * history. A benchmark, not a test: it asserts that the data set is what it claims to be, never how fast anything
 * is. Runs only with {@code ./mvnw -Pbenchmark test} (tag {@code benchmark}), against the MariaDB/MySQL server of
 * the MariaDB tests, in a database of its own that is dropped afterwards; see docs/performance.md.
 *
 * <p>A few projects go through the real engine ({@link ProjectScenarios}: call, application, expert review,
 * selection, agreement, instalments, mid-term check, acceptance or termination with recovery); {@link HistoryCloner}
 * then copies them with their history by bulk SQL up to the wanted number. Measured, on projects drawn at random:
 * the service call ({@code CaseIndex.find} + {@code CaseTimeline.of}) without and with the auditor handed to the
 * engine (Camunda's authorization checks), and {@code GET /api/audit/cases/project/{id}} as the auditor over HTTP.
 * Results: stdout and target/benchmark/timeline.txt.
 *
 * <p>System properties: {@code benchmark.projects} (10000), {@code benchmark.originals} (8, of which every fourth
 * terminated), {@code benchmark.samples} (200 per variant), {@code benchmark.warmup} (50 per variant),
 * {@code benchmark.keepDatabase} (false).
 */
@Tag("benchmark")
@ResourceLock(RdfundIntegrationTest.APPLICATION) // an application of its own: nothing runs beside it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.threshold.console=WARN", "spring.main.banner-mode=off",
                // The benchmark makes its own projects; the demo's own cases (demo.DemoCases) would run alongside.
                "rdfund.demo.cases=false"})
@ActiveProfiles({"mysql", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TimelineBenchmark {

    private static final int PROJECTS = Integer.getInteger("benchmark.projects", 10_000);
    private static final int ORIGINALS = Integer.getInteger("benchmark.originals", 8);
    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 200);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 50);
    private static final boolean KEEP_DATABASE = Boolean.getBoolean("benchmark.keepDatabase");
    private static final long SEED = 20_261_201L;
    private static final Path RESULTS = Path.of("target", "benchmark", "timeline.txt");
    private static final Path QUERIES = Path.of("target", "benchmark", "timeline-queries.sql");
    private static final Pattern MAIN_TABLE = Pattern.compile("(?i)\\bfrom\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private static final MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();

    @LocalServerPort
    int port;

    @Autowired
    ProjectScenarios scenarios;

    @Autowired
    CaseIndex index;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    IdentityService identityService;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final StringBuilder report = new StringBuilder();

    @DynamicPropertySource
    static void useFreshDatabase(DynamicPropertyRegistry registry) {
        database.create();
        database.runCamundaCreateScripts();
        registry.add("spring.datasource.url", () -> database.jdbcUrl() + "&queryInterceptors=" + SqlRecorder.class.getName());
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        registry.add("logging.file.name", () -> "target/test-logs/benchmark.log");
    }

    @AfterAll
    static void dropDatabase() {
        if (KEEP_DATABASE) {
            System.out.println("benchmark.keepDatabase: kept " + database.jdbcUrl());
        } else {
            database.drop();
        }
    }

    @Test
    void timelineOfOneProjectAmongTenThousandFinishedOnes() throws Exception {
        print("RDFund benchmark: audit timeline of one project (" + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ")");
        print("");

        // 1. A few projects through the real engine.
        long started = System.nanoTime();
        List<Project> originals = new ArrayList<>();
        for (int i = 0; i < ORIGINALS; i++) {
            originals.add(i % 4 == 3 ? scenarios.terminatedWithRecovery("基准终止项目" + i)
                    : scenarios.accepted("基准验收项目" + i));
        }
        double engineSeconds = seconds(started);
        assertThat(originals).extracting(Project::status).containsOnly(Project.COMPLETED, Project.TERMINATED);

        // 2. Copies of them, with their history, by bulk SQL.
        int copies = (PROJECTS - ORIGINALS + ORIGINALS - 1) / ORIGINALS;
        print("Cloning " + ORIGINALS + " projects " + copies + " times each:");
        started = System.nanoTime();
        HistoryCloner cloner = new HistoryCloner(dataSource, this::print);
        cloner.cloneProjects(originals.stream().map(Project::id).toList(), copies);
        // One account per copied project, as every applicant enterprise has one: the users table gets its real size
        // (the copies' history still names the originals' users).
        jdbc.sql("INSERT INTO ACT_ID_USER (ID_, REV_, FIRST_, LAST_) SELECT CONCAT('bench-', p.id), 1, o.name, '申报单位'"
                + " FROM project p JOIN organization o ON o.id = p.organization_id WHERE p.id NOT IN ("
                + originals.stream().map(project -> String.valueOf(project.id())).collect(Collectors.joining(", ")) + ")")
                .update();
        double cloneSeconds = seconds(started);
        started = System.nanoTime();
        analyze();
        double analyzeSeconds = seconds(started);

        // 3. The copies are whole: each one's timeline has its original's events, from its own process instances.
        for (Project original : originals) {
            AuditCase originalCase = index.find(AuditCase.PROJECT, original.id()).orElseThrow();
            List<TimelineEvent> originalEvents = timeline.of(originalCase);
            for (int n : List.of(1, copies / 2, copies)) {
                AuditCase copy = index.find(AuditCase.PROJECT, cloner.copyId(original.id(), n)).orElseThrow();
                assertThat(copy.processInstanceIds()).isEqualTo(originalCase.processInstanceIds().stream()
                        .map(id -> HistoryCloner.copyId(id, n)).toList());
                assertThat(copy.status()).isEqualTo(originalCase.status());
                List<TimelineEvent> copyEvents = timeline.of(copy);
                assertThat(copyEvents).hasSameSizeAs(originalEvents);
                assertThat(signature(copyEvents)).isEqualTo(signature(originalEvents));
            }
        }
        long projects = count("project");
        long finished = count("project WHERE status IN ('COMPLETED', 'TERMINATED')");
        long running = count("ACT_HI_PROCINST WHERE END_TIME_ IS NULL AND PROC_DEF_KEY_ <> 'FundingCall'");
        assertThat(projects).isEqualTo((long) ORIGINALS * (copies + 1));
        assertThat(finished).isEqualTo(projects);
        assertThat(running).isZero();

        print("");
        print("Data set");
        print(String.format("  %d projects, all finished (%d through the engine in %.0f s, %d copies by SQL in %.0f s,"
                + " ANALYZE TABLE %.0f s)", projects, ORIGINALS, engineSeconds, projects - ORIGINALS, cloneSeconds,
                analyzeSeconds));
        print(String.format("  %-22s %12s %10s %10s", "table", "rows", "data MB", "index MB"));
        for (String table : sizedTables()) {
            long[] size = size(table);
            print(String.format("  %-22s %12d %10d %10d", table, count(table), size[0], size[1]));
        }

        // 4. Measurements, on projects drawn at random, a fresh sample per variant.
        List<Long> ids = new ArrayList<>(jdbc.sql("SELECT id FROM project ORDER BY id").query(Long.class).list());
        assertThat(ids).as("projects for three disjoint samples and their warm-ups").hasSizeGreaterThan(3 * (WARMUP + SAMPLES));
        Collections.shuffle(ids, new Random(SEED));
        List<String> auditorGroups = identityService.createGroupQuery().groupMember("auditor").list().stream()
                .map(Group::getId).toList();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();

        Timings service = new Timings("service: find + of, no engine authentication");
        Timings asAuditor = new Timings("service: find + of, engine auth. as auditor");
        Timings overHttp = new Timings("HTTP: GET /api/audit/cases/project/{id}");
        Map<String, long[]> sqlByTable = new TreeMap<>();
        long responseBytes = 0;
        int next = 0;
        for (int round = 0; round < 2; round++) {
            boolean warmup = round == 0;
            int count = warmup ? WARMUP : SAMPLES;
            for (int i = 0; i < count; i++) {
                long id = ids.get(next++);
                SqlRecorder.start(false);
                long t = System.nanoTime();
                int events = timeline.of(index.find(AuditCase.PROJECT, id).orElseThrow()).size();
                long nanos = System.nanoTime() - t;
                List<SqlRecorder.Executed> executed = SqlRecorder.stop();
                if (!warmup) {
                    service.add(nanos, events, executed);
                }
            }
            for (int i = 0; i < count; i++) {
                long id = ids.get(next++);
                SqlRecorder.start(false);
                long t = System.nanoTime();
                identityService.setAuthentication("auditor", auditorGroups);
                int events;
                try {
                    events = timeline.of(index.find(AuditCase.PROJECT, id).orElseThrow()).size();
                } finally {
                    identityService.clearAuthentication();
                }
                long nanos = System.nanoTime() - t;
                List<SqlRecorder.Executed> executed = SqlRecorder.stop();
                if (!warmup) {
                    asAuditor.add(nanos, events, executed);
                    executed.forEach(statement -> {
                        long[] sum = sqlByTable.computeIfAbsent(label(statement.sql()), k -> new long[2]);
                        sum[0]++;
                        sum[1] += statement.nanos();
                    });
                }
            }
            for (int i = 0; i < count; i++) {
                long id = ids.get(next++);
                HttpRequest request = request(id);
                SqlRecorder.start(false);
                long t = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                long nanos = System.nanoTime() - t;
                List<SqlRecorder.Executed> executed = SqlRecorder.stop();
                assertThat(response.statusCode()).isEqualTo(200);
                if (!warmup) {
                    overHttp.add(nanos, json.readTree(response.body()).get("timeline").size(), executed);
                    responseBytes += response.body().getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }

        print("");
        print("Results (" + SAMPLES + " random projects per variant after " + WARMUP + " warm-up calls each;"
                + " SQL/call: statements sent, in DB: share of the call's time spent waiting for them)");
        print("  " + Timings.header());
        print("  " + service.line());
        print("  " + asAuditor.line());
        print("  " + overHttp.line());
        print(String.format("  HTTP response: %.0f KB of JSON on average", responseBytes / 1024.0 / SAMPLES));
        print("");
        print("SQL of one timeline (service as auditor, per call, by main table)");
        sqlByTable.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(entry -> print(String.format("  %-28s %6.1f statements %7.2f ms", entry.getKey(),
                        entry.getValue()[0] / (double) SAMPLES, entry.getValue()[1] / 1e6 / SAMPLES)));

        // 5. Query plans of what one timeline sends (a copy's, as auditor, and the HTTP call's own statements).
        long sample = ids.get(next);
        SqlRecorder.start(true);
        identityService.setAuthentication("auditor", auditorGroups);
        try {
            timeline.of(index.find(AuditCase.PROJECT, sample).orElseThrow());
        } finally {
            identityService.clearAuthentication();
        }
        List<SqlRecorder.Executed> captured = new ArrayList<>(SqlRecorder.stop());
        SqlRecorder.start(true);
        http.send(request(sample), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        captured.addAll(SqlRecorder.stop());
        List<QueryPlans.Plan> plans = QueryPlans.explain(dataSource, captured);
        print("");
        print("Query plans (EXPLAIN of each distinct SELECT of one timeline of project " + sample + ", values left out;"
                + " ×: how often in the service call as auditor plus the HTTP call)");
        StringBuilder queries = new StringBuilder("-- Every distinct SELECT of one timeline (project " + sample
                + "), with its values, as sent; see timeline.txt for the plans.\n\n");
        int number = 0;
        for (QueryPlans.Plan plan : plans) {
            number++;
            print(String.format("  Q%d ×%d %s", number, plan.times(), QueryPlans.shorten(plan.sql(), 150)));
            plan.steps().forEach(step -> print("      " + step));
            plan.fullScans().forEach(scan -> print("      !! FULL SCAN " + scan));
            queries.append("-- Q").append(number).append(" (×").append(plan.times()).append(")\n")
                    .append(plan.boundSql().strip()).append(";\n\n");
        }
        long scans = plans.stream().filter(plan -> !plan.fullScans().isEmpty()).count();
        print("  " + (scans == 0 ? "No full scan of a table with more than 1000 rows."
                : scans + " statement(s) scan a table with more than 1000 rows (!! above)."));

        print("");
        print("Machine");
        print("  " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
                + totalMemoryGb() + " GB RAM, JVM max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB");
        print("  Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")");
        print("  " + jdbc.sql("SELECT CONCAT(VERSION(), ', innodb_buffer_pool_size ', @@innodb_buffer_pool_size DIV 1048576,"
                + " ' MB')").query(String.class).single() + " (same machine, TCP 127.0.0.1)");

        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, report.toString(), StandardCharsets.UTF_8);
        Files.writeString(QUERIES, queries.toString(), StandardCharsets.UTF_8);
        System.out.println("Written to " + RESULTS.toAbsolutePath() + " and " + QUERIES.toAbsolutePath());
    }

    private HttpRequest request(long projectId) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/cases/project/" + projectId))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }

    /**
     * What a copy's timeline must repeat of its original's: every event's time, type, process, title and actor (a
     * ledger row's amount instead of its title, which names the entry id). Sorted: within one second the timeline's
     * order is the database's for process instances started in the same second, which is not the same for a copy.
     */
    private static List<String> signature(List<TimelineEvent> events) {
        return events.stream().map(event -> event.at() + " " + event.type() + " " + event.process() + " "
                + (TimelineEvent.LEDGER.equals(event.type()) ? event.amount() : event.title() + " " + event.actor()))
                .sorted().toList();
    }

    private static String label(String sql) {
        String start = sql.strip().toLowerCase(Locale.ROOT);
        if (!start.startsWith("select")) {
            return start.split("\\s+", 2)[0] + " …";
        }
        Matcher matcher = MAIN_TABLE.matcher(sql);
        String table = matcher.find() ? matcher.group(1) : "?";
        return table + (sql.contains("UNION ALL") ? " (UNION ALL)" : "");
    }

    private void analyze() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : sizedTables()) {
                statement.execute("ANALYZE TABLE " + table);
            }
        }
    }

    private static List<String> sizedTables() {
        List<String> tables = new ArrayList<>(List.of("project", "application", "organization", "review",
                "project_assessment", "ledger_entry", "instalment"));
        tables.addAll(List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
                "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_HI_DECINST",
                "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_GE_BYTEARRAY", "ACT_ID_USER"));
        return tables;
    }

    private long count(String from) {
        return jdbc.sql("SELECT COUNT(*) FROM " + from).query(Long.class).single();
    }

    /** Data and index size in MB, as InnoDB reports them. */
    private long[] size(String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DATA_LENGTH, INDEX_LENGTH FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'")) {
            rs.next();
            return new long[] {rs.getLong(1) / 1024 / 1024, rs.getLong(2) / 1024 / 1024};
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private static long totalMemoryGb() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.round(os.getTotalMemorySize() / 1024.0 / 1024 / 1024) : -1;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
