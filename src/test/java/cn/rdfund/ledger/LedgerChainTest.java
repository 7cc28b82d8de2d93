package cn.rdfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's hash chain catches what no application path can do: a row changed, removed or added directly in
 * the database. Each tampering runs in a transaction that is rolled back after the verification, so the shared
 * database stays intact for the other tests. (On MySQL/MariaDB triggers also refuse UPDATE and DELETE.)
 */
@RdfundIntegrationTest
class LedgerChainTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    ProjectRepository projects;

    private List<LedgerEntry> written;

    @BeforeEach
    void threePayments() {
        written = transactions.execute(status -> {
            Organization organization = organizations.save(TestData.newEnterprise("链企业" + UUID.randomUUID()));
            Project project = projects.save(Project.approved("LC-" + UUID.randomUUID().toString().substring(0, 8), "链测试",
                    "P1.1a", organization.id(), null, null, null, new BigDecimal("3000000.00"), LocalDateTime.now()));
            return List.of(1, 2, 3).stream().map(seq -> ledger.record(new LedgerPosting(project.id(), seq,
                    LedgerEntryKind.DISBURSEMENT, new BigDecimal("1000000.00"), organization.id(), "finance",
                    "第" + seq + "期", null), "system")).toList();
        });
    }

    @Test
    void anUntouchedLedgerVerifies() {
        LedgerChain.Verification verification = chain.verify();

        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.rowsChecked()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aModifiedAmountIsNamedAtItsRow() {
        long second = written.get(1).id();
        LedgerChain.Verification verification = tampered(db -> db.sql("UPDATE ledger_entry SET amount = amount + 0.01 WHERE id = ?")
                .param(second).update());

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBadEntryId()).isEqualTo(second);
        assertThat(verification.problem()).contains("台账记录#" + second).contains("已被修改");
    }

    @Test
    void aDeletedRowIsNamed() {
        long second = written.get(1).id();
        LedgerChain.Verification verification = tampered(db -> db.sql("DELETE FROM ledger_entry WHERE id = ?")
                .param(second).update());

        assertThat(verification.firstBadEntryId()).isEqualTo(second);
        assertThat(verification.problem()).contains("已被删除");
    }

    @Test
    void aRowDeletedWithItsSealBreaksTheChainThere() {
        long second = written.get(1).id();
        LedgerChain.Verification verification = tampered(db -> {
            db.sql("DELETE FROM ledger_entry WHERE id = ?").param(second).update();
            db.sql("DELETE FROM ledger_seal WHERE entry_id = ?").param(second).update();
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBadEntryId()).isEqualTo(written.get(2).id());
        assertThat(verification.problem()).contains("封存记录缺失或顺序被改动");
    }

    @Test
    void aRowInsertedDirectlyIsNamed() {
        LedgerEntry first = written.get(0);
        LedgerChain.Verification verification = tampered(db -> db.sql("""
                INSERT INTO ledger_entry (project_id, milestone_seq, kind, amount, organization_id, memo, approved_by,
                  recorded_by, recorded_at) VALUES (?, 9, 'DISBURSEMENT', 500000.00, ?, '补记', 'finance', 'system', ?)""")
                .params(first.projectId(), first.organizationId(), LocalDateTime.now()).update());

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains("未经记账程序写入").contains("直接插入");
        assertThat(verification.firstBadEntryId()).isGreaterThan(written.get(2).id());
    }

    @Test
    void auditorsVerifyOverTheApiAndApplicantsMayNot() {
        Http.Response response = Http.as(port, "auditor").get("/api/ledger/verify");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"intact\":true");
        assertThat(Http.as(port, "applicant").get("/api/ledger/verify").status()).isEqualTo(403);
    }

    private LedgerChain.Verification tampered(Consumer<JdbcClient> tampering) {
        return transactions.execute(status -> {
            tampering.accept(jdbc);
            LedgerChain.Verification verification = chain.verify();
            status.setRollbackOnly();
            return verification;
        });
    }
}
