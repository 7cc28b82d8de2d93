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
import java.util.List;
import java.util.UUID;
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
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35"); // baseline below V1: Camunda's tables were there first
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
}
