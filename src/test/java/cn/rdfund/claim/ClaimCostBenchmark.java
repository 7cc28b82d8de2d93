package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.challenge.ChallengeProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.support.ApplicationProcess;
import cn.rdfund.support.ApplicationProcess.Launch;
import cn.rdfund.support.ApplicationProcess.ThreadKind;
import cn.rdfund.support.ClientThreads;
import cn.rdfund.support.Enterprises;
import cn.rdfund.support.MySqlTestDatabase;
import cn.rdfund.support.ChallengeJourney;
import cn.rdfund.support.ProjectJourney;
import cn.rdfund.support.ServerCost;
import cn.rdfund.support.TasklistClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rawcamunda.RawCamundaApplication;

/**
 * What one user-task completion costs the server in RDFund's shortest money path — a P4.3 award claim (高新技术企业首次认定,
 * 20万元): claimant, 形式审查, 审批, 公示结果, finance's 拨付审批; five user tasks, the notice timer, the payment — in a
 * key-technology project from call to acceptance ({@link ProjectJourney}: 29 user tasks, three expert panels, three
 * instalments) and in a 揭榜挂帅 challenge with one team from demand to acceptance ({@link ChallengeJourney}) — against raw
 * Camunda 7 ({@link RawCamundaApplication}: twelve user tasks in a row, no project code), both driven over
 * {@code /engine-rest} with HTTP Basic the way Tasklist drives them, by the same client, in one run, on the same
 * MariaDB/MySQL server, each side in a database of its own. A benchmark, not a test: it checks that the work was done
 * (every claim paid, every instance ended), never how fast. Runs with {@code ./mvnw -Pbenchmark test}; see
 * docs/performance.md.
 *
 * <p>Per side: the application starts as a process of its own (production JVM defaults, 1 GB heap), a warm-up round
 * runs, then the measured round. RDFund is measured twice: one node, then two nodes on the same database (the second
 * started after the first round; each claim's steps alternate between the nodes, as a load balancer without sticky
 * sessions would send them; CPU of both nodes together). Measured: completions per second with the client threads working at once; the
 * server process's CPU time (everything it did, the job executor included, until the last case ended); the database
 * server's statements, commits, inserts and {@code SET}s (its global counters: nothing else may use the server
 * meanwhile). The client asks for a task's list until the task is there (every 200 ms, as {@link TasklistClient}
 * does); those requests are part of the cost, as Tasklist's would be.
 *
 * <p>System properties: {@code benchmark.projects} (8 measured projects), {@code benchmark.warmupProjects} (80),
 * {@code benchmark.challenges} (8), {@code benchmark.warmupChallenges} (64),
 * {@code benchmark.claims} (80 measured claims = 400 completions), {@code benchmark.warmupClaims}
 * (500: the JIT compiler of a fresh JVM is busy for minutes; docs/performance.md), {@code benchmark.threads} (4), {@code benchmark.rawAuthorization} (false: Camunda's authorization checks off on
 * the raw side, as in Camunda's defaults; RDFund always has them on).
 */
@Tag("benchmark")
class ClaimCostBenchmark {

    private static final int CLAIMS = Integer.getInteger("benchmark.claims", 80);
    private static final int WARMUP_CLAIMS = Integer.getInteger("benchmark.warmupClaims", 500);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
    private static final boolean RAW_AUTHORIZATION = Boolean.getBoolean("benchmark.rawAuthorization");
    private static final int PROJECTS = Integer.getInteger("benchmark.projects", 8);
    private static final int WARMUP_PROJECTS = Integer.getInteger("benchmark.warmupProjects", 80);
    private static final int CHALLENGES = Integer.getInteger("benchmark.challenges", 8);
    private static final int WARMUP_CHALLENGES = Integer.getInteger("benchmark.warmupChallenges", 64);
    private static final Duration JOURNEYS_END_WITHIN = Duration.ofMinutes(5);
    static final int TASKS_PER_CLAIM = 5;
    static final Duration CLAIMS_END_WITHIN = Duration.ofMinutes(2);
    private static final Path RESULTS = Path.of("target", "benchmark", "claim-cost.txt");
    private static final Launch PRODUCTION_JVM = new Launch("cn.rdfund.RdfundApplication", List.of("-Xmx1g"), false);
    private static final Launch RAW_JVM = new Launch(RawCamundaApplication.class.getName(), List.of("-Xmx1g"), true);
    /** Both sides: the job executor looks for due jobs every 250 ms at most when idle (the notice ends after 1 s). */
    private static final List<String> JOB_EXECUTOR = List.of("--camunda.bpm.job-execution.wait-time-in-millis=250",
            "--camunda.bpm.job-execution.max-wait=1000", "--logging.threshold.console=WARN");

    @TempDir
    Path workingDirectory;

    private final StringBuilder report = new StringBuilder();

    @Test
    void aUserTaskOfEachJourneyAgainstRawCamundas() throws IOException {
        List<Side> rdfundNodes = measureRdfund();
        Side rdfund = rdfundNodes.get(0);
        Side twoNodes = rdfundNodes.get(1);
        Side project = measureJourneys("projects", WARMUP_PROJECTS, PROJECTS, 1, ProjectExecutionProcess.KEY, 3,
                (tasklist, users) -> new ProjectJourney(tasklist).run(users.get(0)));
        Side challenge = measureJourneys("challenges", WARMUP_CHALLENGES, CHALLENGES, 2, ChallengeProcess.KEY, 2,
                (tasklist, users) -> new ChallengeJourney(tasklist).run(users.get(0), users.get(1)));
        Side raw = measureRaw();

        print("RDFund benchmark: cost per user-task completion against raw Camunda ("
                + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + THREADS + " client threads, raw authorization " + (RAW_AUTHORIZATION ? "on" : "off") + ")");
        againstRaw("P4.3 claim", rdfund, raw);
        againstRaw("P1.1a project, call to acceptance", project, raw);
        againstRaw("揭榜挂帅 challenge, one team, demand to acceptance", challenge, raw);
        print("RDFund projects: " + PROJECTS + " projects (" + project.completions + " completions, "
                + project.completions / Math.max(1, PROJECTS) + " per project) in " + seconds(project.wall) + "; per"
                + " project " + String.format(Locale.ROOT, "%.0f commits, %.0f inserts",
                        project.total("Com_commit") / PROJECTS, project.total("Com_insert") / PROJECTS) + ".");
        print("RDFund challenges: " + CHALLENGES + " challenges (" + challenge.completions + " completions, "
                + challenge.completions / Math.max(1, CHALLENGES) + " per challenge) in " + seconds(challenge.wall)
                + "; per challenge " + String.format(Locale.ROOT, "%.0f commits, %.0f inserts",
                        challenge.total("Com_commit") / CHALLENGES, challenge.total("Com_insert") / CHALLENGES) + ".");
        print("");
        print("RDFund: " + CLAIMS + " claims (" + rdfund.completions + " completions) in " + seconds(rdfund.wall)
                + "; per claim " + String.format(Locale.ROOT, "%.0f commits, %.0f inserts, %.0f SET statements",
                        rdfund.total("Com_commit") / CLAIMS, rdfund.total("Com_insert") / CLAIMS,
                        rdfund.total("Com_set_option") / CLAIMS) + ".");
        print("Raw Camunda: " + raw.completions / RawCamundaApplication.TASKS + " instances (" + raw.completions
                + " completions) in " + seconds(raw.wall) + ".");
        print("");
        print("| RDFund, per user-task completion | one node | two nodes, one database | two ÷ one |");
        print("|---|---|---|---|");
        row("completions/s", rdfund.perSecond(), twoNodes.perSecond(), "%.1f", twoNodes.perSecond() / rdfund.perSecond());
        row("server CPU, ms (both nodes)", rdfund.cpuMillis(), twoNodes.cpuMillis(), "%.1f",
                twoNodes.cpuMillis() / rdfund.cpuMillis());
        row("SQL statements", rdfund.per("Questions"), twoNodes.per("Questions"), "%.1f",
                twoNodes.per("Questions") / rdfund.per("Questions"));
        row("commits", rdfund.per("Com_commit"), twoNodes.per("Com_commit"), "%.2f",
                twoNodes.per("Com_commit") / rdfund.per("Com_commit"));
        print("");
        print("Rows left per case once every case has ended (tables with at least one row per case):");
        print("RDFund, per claim: " + rows(rdfund.rowsPerCase()));
        print("Raw Camunda, per instance of twelve tasks: " + rows(raw.rowsPerCase()));
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, report);
    }

    private void againstRaw(String journey, Side rdfund, Side raw) {
        print("");
        print("| per user-task completion | RDFund (" + journey + ") | raw Camunda REST | RDFund ÷ raw |");
        print("|---|---|---|---|");
        row("completions/s", rdfund.perSecond(), raw.perSecond(), "%.1f");
        row("server CPU, ms", rdfund.cpuMillis(), raw.cpuMillis(), "%.1f");
        for (ThreadKind kind : ThreadKind.values()) {
            row("  of which " + kind.label(), rdfund.cpuMillis(kind), raw.cpuMillis(kind), "%.1f");
        }
        row("server CPU without the JIT compiler, ms", rdfund.cpuMillis() - rdfund.cpuMillis(ThreadKind.JIT_COMPILER),
                raw.cpuMillis() - raw.cpuMillis(ThreadKind.JIT_COMPILER), "%.1f");
        row("SQL statements", rdfund.per("Questions"), raw.per("Questions"), "%.1f");
        row("  of which SELECT", rdfund.per("Com_select"), raw.per("Com_select"), "%.1f");
        row("  of which INSERT", rdfund.per("Com_insert"), raw.per("Com_insert"), "%.1f");
        row("  of which UPDATE", rdfund.per("Com_update"), raw.per("Com_update"), "%.1f");
        row("  of which DELETE", rdfund.per("Com_delete"), raw.per("Com_delete"), "%.1f");
        row("  of which SET", rdfund.per("Com_set_option"), raw.per("Com_set_option"), "%.1f");
        row("commits", rdfund.per("Com_commit"), raw.per("Com_commit"), "%.2f");
        print("");
    }

    /** One journey of RDFund's, taken by these users (their enterprises registered beforehand); answers completions. */
    private interface Journey {
        int run(TasklistClient tasklist, List<String> users);
    }

    /**
     * Journeys of one kind, each by users of its own, on one node: a warm-up round, then the measured one, until every
     * instance of {@code processKey} has ended with {@code ledgerLines} ledger lines each.
     */
    private Side measureJourneys(String name, int warmup, int measured, int usersEach, String processKey,
            int ledgerLines, Journey journey) {
        MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();
        database.create();
        try {
            database.runCamundaCreateScripts();
            try (ApplicationProcess node = startRdfund(database, name)) {
                TasklistClient tasklist = new TasklistClient(node.port());
                List<String> users = applicants(node, 0, (warmup + measured) * usersEach);
                IntFunction<List<String>> usersOf = i -> users.subList(i * usersEach, (i + 1) * usersEach);
                ClientThreads.run(THREADS, warmup, i -> journey.run(tasklist, usersOf.apply(i)));
                tasklist.awaitEveryInstanceEnded(processKey, JOURNEYS_END_WITHIN);

                AtomicInteger completions = new AtomicInteger();
                ServerCost before = ServerCost.now(database, node);
                Duration wall = ClientThreads.run(THREADS, measured,
                        i -> completions.addAndGet(journey.run(tasklist, usersOf.apply(warmup + i))));
                tasklist.awaitEveryInstanceEnded(processKey, JOURNEYS_END_WITHIN);
                ServerCost cost = ServerCost.now(database, node).since(before);
                JsonNode ledger = tasklist.get("auditor", "/api/audit/ledger");
                assertThat(ledger.path("lineCount").asLong()).as(ledgerLines + " ledger lines per " + name)
                        .isEqualTo((long) ledgerLines * (warmup + measured));
                return new Side(completions.get(), wall, cost, rowsPer(database, warmup + measured));
            }
        } finally {
            database.drop();
        }
    }

    /** One node, then two nodes on the same database (the second started after the first round). */
    private List<Side> measureRdfund() {
        MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();
        database.create();
        try {
            database.runCamundaCreateScripts();
            try (ApplicationProcess first = startRdfund(database, "a")) {
                int perRound = WARMUP_CLAIMS + CLAIMS;
                List<TasklistClient> oneNode = List.of(new TasklistClient(first.port()));
                Side alone = measuredRound(database, oneNode, applicants(first, 0, perRound), first);
                Map<String, Double> rows = rowsPer(database, perRound);
                try (ApplicationProcess second = startRdfund(database, "b")) {
                    List<TasklistClient> twoNodes = List.of(oneNode.get(0), new TasklistClient(second.port()));
                    Side together = measuredRound(database, twoNodes, applicants(first, perRound, perRound), first,
                            second);
                    JsonNode ledger = oneNode.get(0).get("auditor", "/api/audit/ledger");
                    assertThat(ledger.path("lineCount").asLong()).as("one payment per claim").isEqualTo(2L * perRound);
                    return List.of(alone.withRows(rows), together);
                }
            }
        } finally {
            database.drop();
        }
    }

    /** Applicants {@code from} … {@code from + count - 1}, each with an enterprise of its own (not measured). */
    static List<String> applicants(ApplicationProcess node, int from, int count) {
        List<String> users = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            users.add(Enterprises.registerApplicant(node.port(), i));
        }
        return users;
    }

    private ApplicationProcess startRdfund(MySqlTestDatabase database, String node) {
        return startRdfund(database, workingDirectory.resolve("node-" + node), "benchmark-claim-rdfund-" + node);
    }

    /** RDFund on this database as production would run it, with a one-second notice period and no demo story. */
    static ApplicationProcess startRdfund(MySqlTestDatabase database, Path directory, String name) {
        List<String> arguments = new ArrayList<>(database.datasourceArguments());
        arguments.addAll(List.of("--spring.profiles.active=mysql,demo",
                "--logging.file.name=" + directory.resolve("rdfund.log"),
                // no demo story in the background; the notice periods are a second instead of five working days
                "--rdfund.demo.cases=false", "--rdfund.claims.notice-period=PT1S",
                "--rdfund.selection.notice-period=PT1S", "--rdfund.audit.dashboard.kept-for="
                        + HundredThousandCasesBenchmark.DASHBOARD_KEPT_FOR));
        arguments.addAll(JOB_EXECUTOR);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApplicationProcess.start(PRODUCTION_JVM, directory, name, arguments);
    }

    /** A warm-up round, then the measured one: claims of these users, each step through the next node. */
    private Side measuredRound(MySqlTestDatabase database, List<TasklistClient> nodes, List<String> users,
            ApplicationProcess... servers) {
        IntConsumer claim = i -> claimUpToPayment(nodes, i, users.get(i));
        ClientThreads.run(THREADS, WARMUP_CLAIMS, claim);
        nodes.get(0).awaitEveryInstanceEnded(KEY, CLAIMS_END_WITHIN);

        ServerCost before = ServerCost.now(database, servers);
        Duration wall = ClientThreads.run(THREADS, CLAIMS, i -> claim.accept(WARMUP_CLAIMS + i));
        nodes.get(0).awaitEveryInstanceEnded(KEY, CLAIMS_END_WITHIN);
        return new Side(CLAIMS * TASKS_PER_CLAIM, wall, ServerCost.now(database, servers).since(before), Map.of());
    }

    private Side measureRaw() {
        MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();
        database.create();
        try {
            database.runCamundaCreateScripts();
            List<String> arguments = new ArrayList<>(database.datasourceArguments());
            arguments.addAll(List.of("--spring.config.name=raw-camunda",
                    "--camunda.bpm.authorization.enabled=" + RAW_AUTHORIZATION,
                    "--logging.file.name=" + workingDirectory.resolve("raw-camunda.log")));
            arguments.addAll(JOB_EXECUTOR);
            try (ApplicationProcess application = ApplicationProcess.start(RAW_JVM, workingDirectory,
                    "benchmark-claim-raw", arguments)) {
                TasklistClient tasklist = new TasklistClient(application.port());
                // as many completions as on RDFund's side, in instances of twelve
                int warmup = (WARMUP_CLAIMS * TASKS_PER_CLAIM + RawCamundaApplication.TASKS - 1) / RawCamundaApplication.TASKS;
                int instances = (CLAIMS * TASKS_PER_CLAIM + RawCamundaApplication.TASKS - 1) / RawCamundaApplication.TASKS;
                IntConsumer walk = i -> twelveTasks(tasklist, "raw" + (i % RawCamundaApplication.USERS + 1));
                ClientThreads.run(THREADS, warmup, walk);

                ServerCost before = ServerCost.now(database, application);
                Duration wall = ClientThreads.run(THREADS, instances, walk);
                ServerCost cost = ServerCost.now(database, application).since(before);

                JsonNode unfinished = tasklist.get("raw1", "/engine-rest/history/process-instance/count?unfinished=true");
                assertThat(unfinished.path("count").asInt()).as("raw instances still running").isZero();
                return new Side(instances * RawCamundaApplication.TASKS, wall, cost, rowsPer(database, warmup + instances));
            }
        } finally {
            database.drop();
        }
    }

    /** What stays in each table per case (claim or instance) once every case has ended: rows, not statements. */
    private static Map<String, Double> rowsPer(MySqlTestDatabase database, int cases) {
        Map<String, Double> rows = new LinkedHashMap<>();
        database.rowCounts().forEach((table, count) -> {
            if (count >= cases) {
                rows.put(table, (double) count / cases);
            }
        });
        return rows;
    }

    /**
     * The claim as its five users work it in Tasklist (as KillNineContract does, one claimant per claim), each step
     * through the next node (behind a load balancer without sticky sessions: the REST API keeps none).
     */
    static void claimUpToPayment(List<TasklistClient> nodes, int index, String claimant) {
        int step = index;
        String claim = node(nodes, step).start(claimant, KEY);
        TasklistClient tasklist = node(nodes, ++step);
        tasklist.submit(claimant, tasklist.awaitTask(claimant, claim, TASK_SUBMIT),
                TasklistClient.firstRecognitionClaim(claimant));
        tasklist = node(nodes, ++step);
        tasklist.submit("kjj", tasklist.awaitTask("kjj", claim, TASK_CHECK), Map.of(CHECK_DECISION, PASS));
        tasklist = node(nodes, ++step);
        tasklist.submit("kjj2", tasklist.awaitTask("kjj2", claim, TASK_APPROVE), Map.of(APPROVAL_DECISION, APPROVE));
        tasklist = node(nodes, ++step);
        tasklist.submit("kjj", tasklist.awaitTask("kjj", claim, TASK_CONCLUDE_NOTICE), Map.of(NOTICE_RESULT, NO_OBJECTION));
        TasklistClient auditor = node(nodes, ++step);
        String payment = TasklistClient.await(
                () -> auditor.get("auditor", "/engine-rest/process-instance?superProcessInstance=" + claim),
                instances -> instances.size() == 1, "the payment of claim " + claim).get(0).path("id").asText();
        tasklist = node(nodes, ++step);
        tasklist.submit("finance", tasklist.awaitTask("finance", payment, DisbursementProcess.TASK_APPROVE),
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
    }

    private static TasklistClient node(List<TasklistClient> nodes, int step) {
        return nodes.get(step % nodes.size());
    }

    private static void twelveTasks(TasklistClient tasklist, String user) {
        String instance = tasklist.start(user, RawCamundaApplication.PROCESS);
        for (int task = 1; task <= RawCamundaApplication.TASKS; task++) {
            tasklist.submit(user, tasklist.awaitTask(user, instance, "Task_" + task), Map.of("note", "第" + task + "步"));
        }
    }

    private void row(String label, double rdfund, double raw, String format) {
        row(label, rdfund, raw, format, rdfund / raw);
    }

    private void row(String label, double left, double right, String format, double ratio) {
        print("| " + label + " | " + String.format(Locale.ROOT, format, left) + " | "
                + String.format(Locale.ROOT, format, right) + " | "
                + (Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f×", ratio) : "–") + " |");
    }

    private static String rows(Map<String, Double> rowsPerCase) {
        StringBuilder text = new StringBuilder();
        rowsPerCase.forEach((table, rows) -> text.append(text.isEmpty() ? "" : ", ").append(table).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", rows)));
        return text.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    /** One side's measured round (also a round of HundredThousandCasesBenchmark). */
    record Side(int completions, Duration wall, ServerCost cost, Map<String, Double> rowsPerCase) {

        Side withRows(Map<String, Double> rows) {
            return new Side(completions, wall, cost, rows);
        }

        double perSecond() {
            return completions / (wall.toNanos() / 1e9);
        }

        double cpuMillis() {
            return cost.cpu().toNanos() / 1e6 / completions;
        }

        double cpuMillis(ThreadKind kind) {
            return cost.cpu(kind).toNanos() / 1e6 / completions;
        }

        double per(String counter) {
            return (double) cost.count(counter) / completions;
        }

        double total(String counter) {
            return cost.count(counter);
        }
    }
}
