package cn.rdfund.durability;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.support.ApplicationProcess;
import cn.rdfund.support.TasklistClient;
import cn.rdfund.support.TasklistClient.Completion;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A completion that answered 2xx survives {@code kill -9}. The application runs as a process of its own; three
 * enterprises' award claims (高新技术企业首次认定, 20万元 each) are worked over Camunda's REST API the way Tasklist
 * works them — claimant, 形式审查 (kjj), 审批 (kjj2), 公示结果 (kjj) — until finance's three 拨付审批 answer 204, and the
 * process is killed with SIGKILL right after the last answer. After a restart on the same database every one of those
 * completions is there: the task gone from its user's list, completed in the history with the submitted values, and
 * the payments, which the approvals left to the job executor, in the ledger.
 *
 * <p>Runs beside the other test classes (src/test/resources/junit-platform.properties): the application under test is
 * a process of its own and shares nothing with them.
 */
@Execution(ExecutionMode.CONCURRENT)
abstract class KillNineContract {

    private static final List<String> CLAIMANTS = List.of("applicant", "applicant2", "applicant3");

    /** Arguments for the application under test: the run stays small and its timers short. */
    static final List<String> QUICK_RUN = List.of(
            // No demo story in the background: it would use the same users and tasks.
            "--rdfund.demo.cases=false",
            "--rdfund.claims.notice-period=PT1S",
            // The job executor looks for due jobs (the notice's end) every second at most ...
            "--camunda.bpm.job-execution.wait-time-in-millis=250",
            "--camunda.bpm.job-execution.max-wait=1000",
            // ... and a job the killed process had locked is free again after 5 s instead of 5 min.
            "--camunda.bpm.job-execution.lock-time-in-millis=5000");

    /**
     * The payments run as jobs after the restart, side by side; one that loses a lock to another (H2 reports a
     * deadlock on the ledger's chain head now and then) is retried a minute later (R3/PT1M in the models), and may
     * lose once more: every payment is booked, but may need two of those minutes.
     */
    private static final Duration PAYMENTS_BOOKED_WITHIN = Duration.ofMinutes(4);

    /** Starts the application on this test's database (the same one each time); {@code run} names its log. */
    abstract ApplicationProcess startApplication(String run);

    @Test
    void everyCompletionAnsweredBeforeKillNineIsThereAfterRestart() {
        List<Completion> acknowledged;
        try (ApplicationProcess application = startApplication("before-kill")) {
            acknowledged = claimsUpToFinanceApproval(new TasklistClient(application.port()));
            application.killHard();
        }

        try (ApplicationProcess application = startApplication("after-restart")) {
            TasklistClient tasklist = new TasklistClient(application.port());
            assertThat(acknowledged.stream().flatMap(completion -> tasklist.whatIsMissing(completion).stream()))
                    .as("completions that answered 204 before kill -9, missing after the restart")
                    .isEmpty();
            assertPaid(tasklist);
        }
    }

    private static List<Completion> claimsUpToFinanceApproval(TasklistClient tasklist) {
        List<Completion> acknowledged = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        for (String claimant : CLAIMANTS) {
            String claim = tasklist.start(claimant, KEY);
            claims.add(claim);
            acknowledged.add(tasklist.submit(claimant, tasklist.awaitTask(claimant, claim, TASK_SUBMIT),
                    TasklistClient.firstRecognitionClaim(claimant)));
        }
        for (String claim : claims) {
            acknowledged.add(tasklist.submit("kjj", tasklist.awaitTask("kjj", claim, TASK_CHECK),
                    Map.of(CHECK_DECISION, PASS)));
        }
        for (String claim : claims) {
            acknowledged.add(tasklist.submit("kjj2", tasklist.awaitTask("kjj2", claim, TASK_APPROVE),
                    Map.of(APPROVAL_DECISION, APPROVE)));
        }
        for (String claim : claims) {
            acknowledged.add(tasklist.submit("kjj", tasklist.awaitTask("kjj", claim, TASK_CONCLUDE_NOTICE),
                    Map.of(NOTICE_RESULT, NO_OBJECTION)));
        }
        for (JsonNode approval : tasklist.awaitTasks("finance",
                "taskDefinitionKey=" + DisbursementProcess.TASK_APPROVE, CLAIMANTS.size())) {
            acknowledged.add(tasklist.submit("finance", approval,
                    Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE)));
        }
        return acknowledged;
    }

    /** The approved payments were left to the job executor; after the restart it books each once. */
    private static void assertPaid(TasklistClient tasklist) {
        JsonNode ledger = TasklistClient.await(() -> tasklist.get("auditor", "/api/audit/ledger"),
                report -> report.path("lines").size() >= CLAIMANTS.size(), "three payments in the ledger",
                PAYMENTS_BOOKED_WITHIN);
        List<JsonNode> lines = StreamSupport.stream(ledger.path("lines").spliterator(), false).toList();
        assertThat(lines).hasSize(CLAIMANTS.size()).allSatisfy(line -> {
            assertThat(line.path("kind").asText()).isEqualTo("DISBURSEMENT");
            assertThat(line.path("approvedBy").asText()).isEqualTo("finance");
        });
        assertThat(new BigDecimal(ledger.path("total").path("disbursed").asText())).isEqualByComparingTo("600000");
    }
}
