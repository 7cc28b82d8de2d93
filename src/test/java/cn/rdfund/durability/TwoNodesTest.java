package cn.rdfund.durability;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.support.ApplicationProcess;
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
import java.util.function.Function;
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
                ProjectJourney project = new ProjectJourney(bothNodes);
                project.run(applicants.get(i));
                acknowledged.addAll(project.acknowledged());
                projects.incrementAndGet();
            } else {
                claims.add(claimThroughBothNodes(applicants.get(i), i));
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

    /** Each request through the next node; where a node is down or its answer lost, the other (a load balancer). */
    private final Nodes bothNodes = new Nodes() {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public <T> T request(BiFunction<TasklistClient, Boolean, T> request) {
            boolean[] retry = {false};
            return onAnyNode(next.getAndIncrement(), tasklist -> {
                try {
                    return request.apply(tasklist, retry[0]);
                } catch (RuntimeException lost) {
                    retry[0] = true;
                    throw lost;
                }
            });
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

    /** The claim's five users, each step through the other node than the step before. */
    private String claimThroughBothNodes(String claimant, int index) {
        int node = index % 2;
        String claim = onAnyNode(node, tasklist -> startOnce(tasklist, claimant));
        step(++node, claimant, claim, TASK_SUBMIT, TasklistClient.firstRecognitionClaim(claimant));
        step(++node, "kjj", claim, TASK_CHECK, Map.of(CHECK_DECISION, PASS));
        step(++node, "kjj2", claim, TASK_APPROVE, Map.of(APPROVAL_DECISION, APPROVE));
        step(++node, "kjj", claim, TASK_CONCLUDE_NOTICE, Map.of(NOTICE_RESULT, NO_OBJECTION));
        String payment = onAnyNode(++node, tasklist -> TasklistClient.await(() -> tasklist.get("auditor",
                        "/engine-rest/history/process-instance?superProcessInstanceId=" + claim),
                instances -> instances.size() == 1, "the payment of claim " + claim).get(0).path("id").asText());
        step(++node, "finance", payment, DisbursementProcess.TASK_APPROVE,
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
        return claim;
    }

    /**
     * Starts the claimant's claim, unless a start whose answer was lost (the node killed after its commit) already did:
     * each claimant starts one claim, and a second start would leave the first waiting forever at its first task.
     */
    private static String startOnce(TasklistClient tasklist, String claimant) {
        JsonNode started = tasklist.get("auditor", "/engine-rest/history/process-instance?processDefinitionKey=" + KEY
                + "&startedBy=" + claimant);
        return started.isEmpty() ? tasklist.start(claimant, KEY) : started.get(0).path("id").asText();
    }

    /**
     * Completes the instance's task of that key as the user, through {@code node} if it is up, else the other: submits
     * it while it is open; done when it is completed in the history (also by a submit whose answer was lost).
     */
    private void step(int node, String user, String instance, String taskKey, Map<String, String> form) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            boolean done = onAnyNode(node, tasklist -> {
                List<JsonNode> open = tasklist.tasks(user, "processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey);
                if (!open.isEmpty()) {
                    acknowledged.add(tasklist.submit(user, open.get(0), form));
                    return true;
                }
                return !tasklist.get("auditor", "/engine-rest/history/task?processInstanceId=" + instance
                        + "&taskDefinitionKey=" + taskKey + "&finished=true").isEmpty();
            });
            if (done) {
                return;
            }
            pause(200);
        }
        throw new IllegalStateException(user + " could not complete " + taskKey + " of " + instance + " in " + PATIENCE);
    }

    /** Asks the node, or the other one when that one is down or its answer is lost (as a load balancer would). */
    private <T> T onAnyNode(int node, Function<TasklistClient, T> request) {
        Instant deadline = Instant.now().plus(PATIENCE);
        int attempt = node;
        while (true) {
            TasklistClient tasklist = client(attempt % 2);
            if (tasklist != null) {
                try {
                    return request.apply(tasklist);
                } catch (RuntimeException lost) {
                    if (Instant.now().isAfter(deadline)) {
                        throw lost;
                    }
                }
            }
            redirected.incrementAndGet();
            attempt++;
            pause(100);
        }
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
