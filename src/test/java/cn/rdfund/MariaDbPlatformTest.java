package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerPosting;
import cn.rdfund.organization.Organization;
import cn.rdfund.project.Project;
import cn.rdfund.support.MySqlTestDatabase;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.TestData;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application in its production profile ({@code mysql}) against the MariaDB/MySQL server on this
 * machine, in a database of its own that is dropped afterwards. Runs with {@code ./mvnw -Pmariadb test}.
 */
@Tag("mariadb")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// Alone: its application must not run beside the MariaDB ledger attack's applications, and it counts everything seeded.
@ResourceLock(RdfundIntegrationTest.APPLICATION)
class MariaDbPlatformTest extends PlatformContract implements RestartSeedingContract {

    private static final MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void useFreshDatabase(DynamicPropertyRegistry registry) {
        database.create();
        // The production path of docs/operations.md: Camunda's tables from Camunda's own scripts,
        // schema update left off, RDFund's domain schema from Flyway at start-up.
        database.runCamundaCreateScripts();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        registry.add("rdfund.demo.cases", () -> "false");
        // The tests read the dashboard right after making their cases (as application-test.yaml says for H2).
        registry.add("rdfund.audit.dashboard.kept-for", () -> "PT0S");
        registry.add("logging.file.name", () -> "target/test-logs/mariadb.log");
        registry.add("rdfund.ledger.checkpoint-file", () -> "target/test-ledger/" + UUID.randomUUID() + "/chain-head.log");
    }

    @AfterAll
    static void dropDatabase() {
        database.drop();
    }

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    List<String> expectedMigrations() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36"); // baseline below V1: Camunda's tables were there first
    }

    @Override
    String expectedCamundaDatabaseType() {
        return "mysql";
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrDeleteLedgerRows() {
        Organization enterprise = organizations.save(TestData.newEnterprise("触发器测试企业"));
        Project project = projects.save(newProject(enterprise, null, "500000.00"));
        transaction.executeWithoutResult(status -> ledger.record(new LedgerPosting(project.id(), 1,
                LedgerEntryKind.DISBURSEMENT, new BigDecimal("200000.00"), enterprise.id(), "finance", null, null),
                "finance"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET amount = 1 WHERE project_id = ?")
                .param(project.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE project_id = ?")
                .param(project.id()).update())
                .hasMessageContaining("append-only");
        assertThat(ledgerEntries.findByProjectIdOrderByIdAsc(project.id())).singleElement()
                .satisfies(entry -> assertThat(entry.amount()).isEqualTo(new BigDecimal("200000.00")));
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrDeleteARegisteredCaseReport() {
        jdbc.sql("""
                INSERT INTO case_report (case_kind, case_id, case_code, case_title, generated_at, generated_by,
                  content_sha256, file_sha256, content) VALUES ('project', 1, 'XM2026-000001', '触发器测试', NOW(), 'auditor',
                  REPEAT('a', 64), REPEAT('b', 64), X'255044462D')""").update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE case_report SET content_sha256 = REPEAT('c', 64)").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM case_report").update()).hasMessageContaining("append-only");
    }

    /*
     * The mysql profile lets the driver send a batch of equal statements as one (rewriteBatchedStatements): inserts as
     * one multi-row INSERT, updates and deletes together in one round trip. Camunda detects a concurrent change by the
     * row count of each versioned UPDATE and DELETE it flushes in a batch; these check that every count still arrives:
     * one stale row among five written together is refused, and nothing of the five is written.
     */

    @Test
    void aConcurrentChangeToOneOfManyVariablesUpdatedTogetherIsStillDetected() {
        String taskId = standaloneTask(numbered("原值"));

        assertThatThrownBy(() -> inOneCommandAfterAnotherSetsV3(taskId, "并发修改",
                task -> task.setVariables(numbered("新值"))))
                .isInstanceOf(OptimisticLockingException.class);

        assertThat(processEngine.getTaskService().getVariables(taskId)).containsEntry("v1", "原值1")
                .containsEntry("v3", "并发修改").containsEntry("v5", "原值5");
    }

    @Test
    void aConcurrentChangeToOneOfManyVariablesDeletedTogetherIsStillDetected() {
        String taskId = standaloneTask(numbered("原值"));

        assertThatThrownBy(() -> inOneCommandAfterAnotherSetsV3(taskId, "并发修改",
                task -> task.removeVariables(numbered("").keySet())))
                .isInstanceOf(OptimisticLockingException.class);

        assertThat(processEngine.getTaskService().getVariables(taskId)).hasSize(5).containsEntry("v3", "并发修改");
    }

    @Test
    void aVariableCreatedConcurrentlyAmongManyCreatedTogetherIsStillDetected() {
        String taskId = standaloneTask(Map.of());

        assertThatThrownBy(() -> inOneCommandAfterAnotherSetsV3(taskId, "并发创建",
                task -> task.setVariables(numbered("新值"))))
                .isInstanceOf(OptimisticLockingException.class);

        TaskService tasks = processEngine.getTaskService();
        assertThat(tasks.getVariables(taskId)).containsOnly(Map.entry("v3", "并发创建"));
        String many = standaloneTask(numbered("批量"));
        assertThat(tasks.getVariables(many)).isEqualTo(numbered("批量"));
    }

    @Test
    void theDriverSendsABatchAsOneAndStillCountsEachStatementsRows() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE batch_probe (id INT PRIMARY KEY, rev INT NOT NULL,"
                    + " label VARCHAR(4))");
            assertThat(batchOfFive(connection, "INSERT INTO batch_probe (id, rev, label) VALUES (?, 1, 'x')",
                    (insert, id) -> insert.setInt(1, id)))
                    .as("one multi-row INSERT: no count per row").containsOnly(Statement.SUCCESS_NO_INFO);

            statement.executeUpdate("UPDATE batch_probe SET rev = 2 WHERE id = 3");
            assertThat(batchOfFive(connection, "UPDATE batch_probe SET rev = rev + 1 WHERE id = ? AND rev = 1",
                    (update, id) -> update.setInt(1, id)))
                    .as("the stale row's count, as Camunda reads it").containsExactly(1, 1, 0, 1, 1);

            // No statement reported as matching no row, which Camunda would take for a concurrent change (409).
            assertThatThrownBy(() -> batchOfFive(connection, "UPDATE batch_probe SET label = ? WHERE id = ?",
                    (update, id) -> {
                        update.setString(1, id == 3 ? "too long" : "y");
                        update.setInt(2, id);
                    })).isInstanceOfSatisfying(BatchUpdateException.class,
                    failure -> assertThat(failure.getUpdateCounts()).as("reported as failed, not as stale")
                            .contains(Statement.EXECUTE_FAILED).doesNotContain(-1, 0));
        }
    }

    private interface Row {
        void set(PreparedStatement statement, int id) throws SQLException;
    }

    /** One statement for the ids 1 to 5 as one JDBC batch; the driver's count per statement. */
    private static int[] batchOfFive(Connection connection, String sql, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int id = 1; id <= 5; id++) {
                row.set(statement, id);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    private String standaloneTask(Map<String, Object> variables) {
        TaskService tasks = processEngine.getTaskService();
        Task task = tasks.newTask();
        tasks.saveTask(task);
        tasks.setVariables(task.getId(), variables);
        return task.getId();
    }

    /** In one engine command: reads the task's variables, lets another transaction set v3, then does the work. */
    private void inOneCommandAfterAnotherSetsV3(String taskId, String concurrentValue,
            java.util.function.Consumer<TaskEntity> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            task.getVariables();
            CompletableFuture.runAsync(() -> processEngine.getTaskService().setVariable(taskId, "v3", concurrentValue))
                    .join();
            work.accept(task);
            return null;
        });
    }

    private static Map<String, Object> numbered(String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            values.put("v" + i, prefix + i);
        }
        return values;
    }
}
