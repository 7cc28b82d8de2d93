package cn.rdfund.durability;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.support.ApplicationProcess;
import cn.rdfund.support.ClaimJourney;
import cn.rdfund.support.ClientThreads;
import cn.rdfund.support.Enterprises;
import cn.rdfund.support.MySqlTestDatabase;
import cn.rdfund.support.Nodes;
import cn.rdfund.support.ProjectJourney;
import cn.rdfund.support.TasklistClient;
import cn.rdfund.support.TasklistClient.Completion;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two RDFund nodes on one MariaDB/MySQL database, both with their job executors, as a cluster behind a load balancer
 * runs them. Two key-technology projects from call to acceptance ({@link ProjectJourney}: 29 tasks, three expert
 * panels, three instalments each) and twelve enterprises' award claims (P4.3, 20万元 each) are worked at once over
 * Camunda's REST API, each request through the other node than the one before; one node is killed with
 * {@code kill -9} while they are under way and started again. A request whose node is gone is sent to the other
 * node, as a load balancer would: if its task is still open it is submitted there, if the history shows it completed
 * (the answer was lost with the node) it is done; a start whose answer was lost is found among the user's starts.
 * Afterwards: every claim and project has ended, each payment made exactly once (one ledger line per claim, three per
 * project, 0 duplicate, 0 missing), the ledger's chain verifies on both nodes, and every completion either node
 * acknowledged with 204 is there.
 * Runs with {@code ./mvnw -Pmariadb test} (in .ci/run); docs/operations.md, "Several nodes".
 */
@Tag("mariadb")
class TwoNodesTest {

    private static final int CLAIMS = 12;
    /** Key-technology projects from call to acceptance (support.ProjectJourney: 29 tasks, three instalments each). */
    private static final int PROJECTS = 2;
    private static final int INSTALMENTS = 3;
    private static final int CLIENT_THREADS = 4;
    /** The node is killed once this many completions have been acknowledged (of 5 per claim and 29 per project). */
    private static final int KILL_AFTER = 20;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /**
     * A job that fails (e.g. on a lock held by the killed node's open transaction) is retried a minute later
     * (R3/PT1M in the models): every claim ends, but may need two of those minutes.
     */
    private static final Duration CLAIMS_END_WITHIN = Duration.ofMinutes(4);

    private final MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();
    private final AtomicReferenceArray<ApplicationProcess> nodes = new AtomicReferenceArray<>(2);
    private final List<Completion> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger redirected = new AtomicInteger();
    private final AtomicInteger projects = new AtomicInteger();
    private volatile int projectsEndedAtKill = -1;

    @TempDir
    Path nodeA;

    @TempDir
    Path nodeB;

    @BeforeEach
    void freshDatabase() {
        database.create();
        database.runCamundaCreateScripts();
    }

    @AfterEach
    void stopNodesAndDropDatabase() {
        for (int i = 0; i < 2; i++) {
            ApplicationProcess node = nodes.get(i);
            if (node != null) {
                node.close();
            }
        }
        database.drop();
    }

    @Test
    void claimsAndProjectsWorkedThroughBothNodesEndPaidOnceWhenOneNodeIsKilledMidRun() throws Exception {
        // The first node migrates the schema and seeds; the second starts on the finished schema (docs/operations.md).
        nodes.set(0, start(nodeA, "a-first"));
        nodes.set(1, start(nodeB, "b"));
        List<String> applicants = new ArrayList<>();
        for (int i = 0; i < PROJECTS + CLAIMS; i++) {
            applicants.add(Enterprises.registerApplicant(nodes.get(i % 2).port(), i));
        }

        Thread killer = new Thread(this::killAndRestartNodeA, "kill-node-a");
        killer.start();
        List<String> claims = Collections.synchronizedList(new ArrayList<>());
        // The projects first, so that the kill finds them under way as well.
        ClientThreads.run(CLIENT_THREADS, PROJECTS + CLAIMS, i -> {
            if (i < PROJECTS) {
                new ProjectJourney(bothNodes, acknowledged).run(applicants.get(i));
                projects.incrementAndGet();
            } else {
                claims.add(new ClaimJourney(bothNodes, acknowledged).run(applicants.get(i)));
            }
        });
        killer.join(PATIENCE.toMillis());
        assertThat(redirected.get()).as("requests sent to the other node while node A was down").isPositive();
        assertThat(projectsEndedAtKill).as("projects ended when node A was killed").isBetween(0, PROJECTS - 1);

        for (int i = 0; i < 2; i++) {
            TasklistClient node = client(i);
            node.awaitEveryInstanceEnded(KEY, CLAIMS_END_WITHIN);
            node.awaitEveryInstanceEnded(ProjectExecutionProcess.KEY, CLAIMS_END_WITHIN);
            assertThat(node.get("auditor", "/engine-rest/history/process-instance?processDefinitionKey=" + KEY
                    + "&finished=true")).hasSize(CLAIMS);
            assertThat(node.get("auditor", "/engine-rest/history/process-instance?processDefinitionKey="
                    + ProjectExecutionProcess.KEY + "&finished=true")).hasSize(PROJECTS);
            assertThat(acknowledged.stream().flatMap(completion -> node.whatIsMissing(completion).stream()))
                    .as("completions acknowledged with 204 by either node, missing on node " + i).isEmpty();
            assertPaidOnceEach(node);
            JsonNode verification = node.get("auditor", "/api/ledger/verify");
            assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        }
        assertThat(claims).hasSize(CLAIMS);
        assertThat(projects.get()).isEqualTo(PROJECTS);
    }

    /**
     * Each request through the next node; where that node is down or its answer is lost, the other, as a load balancer
     * would send it (a request sent again is told so).
     */
    private final Nodes bothNodes = new Nodes() {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public <T> T request(BiFunction<TasklistClient, Boolean, T> request) {
            Instant deadline = Instant.now().plus(PATIENCE);
            int attempt = next.getAndIncrement();
            boolean retry = false;
            while (true) {
                TasklistClient tasklist = client(attempt % 2);
                if (tasklist != null) {
                    try {
                        return request.apply(tasklist, retry);
                    } catch (RuntimeException lost) {
                        if (Instant.now().isAfter(deadline)) {
                            throw lost;
                        }
                        retry = true;
                    }
                }
                redirected.incrementAndGet();
                attempt++;
                pause(100);
            }
        }
    };

    private ApplicationProcess start(Path workingDirectory, String run) {
        List<String> arguments = new ArrayList<>(KillNineContract.QUICK_RUN);
        arguments.addAll(database.datasourceArguments());
        arguments.addAll(List.of("--spring.profiles.active=mysql,demo", "--rdfund.selection.notice-period=PT1S",
                "--logging.file.name=" + workingDirectory.resolve("rdfund.log")));
        return ApplicationProcess.start(workingDirectory, "two-nodes-" + run, arguments);
    }

    private void killAndRestartNodeA() {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (acknowledged.size() < KILL_AFTER && Instant.now().isBefore(deadline)) {
            pause(50);
        }
        projectsEndedAtKill = projects.get();
        ApplicationProcess killed = nodes.getAndSet(0, null);
        killed.killHard();
        killed.close();
        nodes.set(0, start(nodeA, "a-after-kill"));
    }

    private TasklistClient client(int node) {
        ApplicationProcess application = nodes.get(node);
        return application == null ? null : new TasklistClient(application.port());
    }

    /** One payment per claim and one per instalment of each project: none twice, none missing. */
    private static void assertPaidOnceEach(TasklistClient node) {
        JsonNode ledger = node.get("auditor", "/api/audit/ledger");
        List<JsonNode> lines = StreamSupport.stream(ledger.path("lines").spliterator(), false).toList();
        Map<String, Integer> linesPerEnterprise = new HashMap<>();
        lines.forEach(line -> linesPerEnterprise.merge(line.path("organizationId").asText(), 1, Integer::sum));
        assertThat(lines).as("ledger lines").hasSize(CLAIMS + PROJECTS * INSTALMENTS).allSatisfy(line -> {
            assertThat(line.path("kind").asText()).isEqualTo("DISBURSEMENT");
            assertThat(line.path("approvedBy").asText()).isEqualTo("finance");
        });
        assertThat(linesPerEnterprise.values()).as("payments per enterprise")
                .containsExactlyInAnyOrderElementsOf(expectedPaymentsPerEnterprise());
        assertThat(new BigDecimal(ledger.path("total").path("disbursed").asText()))
                .isEqualByComparingTo(new BigDecimal("200000").multiply(BigDecimal.valueOf(CLAIMS))
                        .add(new BigDecimal("3000000").multiply(BigDecimal.valueOf(PROJECTS))));
    }

    private static List<Integer> expectedPaymentsPerEnterprise() {
        List<Integer> expected = new ArrayList<>(Collections.nCopies(CLAIMS, 1));
        expected.addAll(Collections.nCopies(PROJECTS, INSTALMENTS));
        return expected;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
