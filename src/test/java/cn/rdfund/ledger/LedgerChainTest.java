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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Rows written through the ledger are sealed with the active key and checkpointed outside the database once their
 * transaction commits; who may check the chain. The attacks are {@link LedgerAttackContract}'s (H2 and MariaDB).
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // counts the checkpoint's marks, which every payment adds to
class LedgerChainTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerChain chain;

    @Autowired
    LedgerCheckpoint checkpoint;

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
    void threePaymentsInOneTransaction() {
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
    void eachRowIsSealedWithTheActiveKeyAndTheTransactionsHeadIsCheckpointed() {
        List<Seal> seals = jdbc.sql("SELECT * FROM ledger_seal WHERE entry_id IN (?, ?, ?) ORDER BY seq")
                .params(written.stream().map(LedgerEntry::id).toList().toArray()).query(Seal.class).list();

        assertThat(seals).extracting(Seal::keyId).containsOnly("demo");
        assertThat(seals).extracting(Seal::sealedBy).containsOnly((String) null);
        LedgerCheckpoint.Mark newest = checkpoint.read().marks().stream().max((a, b) -> Long.compare(a.seq(), b.seq())).orElseThrow();
        assertThat(newest.seq()).isGreaterThanOrEqualTo(seals.get(2).seq());
        assertThat(checkpoint.read().marks()).anySatisfy(mark -> {
            assertThat(mark.seq()).isEqualTo(seals.get(2).seq());
            assertThat(mark.mac()).isEqualTo(seals.get(2).mac());
        });
        assertThat(checkpoint.read().marks()).noneMatch(mark -> mark.seq() == seals.get(0).seq());
    }

    @Test
    void aTransactionRolledBackLeavesNoCheckpoint() {
        int before = checkpoint.read().marks().size();

        transactions.executeWithoutResult(status -> {
            LedgerEntry first = written.get(0);
            ledger.record(new LedgerPosting(first.projectId(), 4, LedgerEntryKind.DISBURSEMENT, new BigDecimal("1.00"),
                    first.organizationId(), "finance", null, null), "system");
            status.setRollbackOnly();
        });

        assertThat(checkpoint.read().marks()).hasSize(before);
        LedgerChain.Verification verification = chain.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
    }

    @Test
    void auditorsVerifyOverTheApiAndApplicantsMayNot() {
        Http.Response response = Http.as(port, "auditor").get("/api/ledger/verify");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"intact\":true").contains("\"findings\":[]");
        assertThat(Http.as(port, "applicant").get("/api/ledger/verify").status()).isEqualTo(403);
    }
}
