package cn.rdfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.RdfundApplication;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13's attack on the ledger, by someone who can write to the database but has neither the seal key nor the
 * server's files: SQL straight into the tables, then the check auditors run. Three payments of 80万 are written
 * through the ledger, each in its own transaction; each attack below runs in a transaction that is rolled back after
 * the check, except the last ones, which commit and restart the application on the same database. One subclass per
 * database; the application runs here as it does in production (its own database, its own checkpoint directory).
 */
// Its application must not run beside the shared context's classes: both would be the "default" engine in Camunda's
// registries and share Logback.
@ResourceLock(RdfundIntegrationTest.APPLICATION)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LedgerAttackContract {

    private static final BigDecimal EIGHTY_WAN = new BigDecimal("800000.00");
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    static Path files;

    private ConfigurableApplicationContext app;
    private List<LedgerEntry> paid;

    /** Spring profiles the application runs with on this database. */
    abstract List<String> profiles();

    /** spring.datasource.url, username and password. */
    abstract Map<String, String> datasource();

    /** The attacker's own connection, outside the application. */
    abstract Connection connect() throws SQLException;

    void beforeFirstStart() {
    }

    void afterLastStop() {
    }

    /** What the attacker removes first if the database itself protects the ledger (MySQL's triggers). */
    void attackerDropsTheSafeguards(Statement sql) throws SQLException {
    }

    @BeforeAll
    void startAndPay() throws SQLException {
        beforeFirstStart();
        app = start(Map.of());
        paid = new ArrayList<>();
        Organization organization = organizations().save(TestData.newEnterprise("台账攻击测试企业" + UUID.randomUUID()));
        Project project = app.getBean(ProjectRepository.class).save(Project.approved("LA-" + UUID.randomUUID().toString()
                .substring(0, 8), "台账攻击测试", "P1.1a", organization.id(), null, null, null, new BigDecimal("2400000.00"),
                LocalDateTime.now()));
        for (int seq = 1; seq <= 3; seq++) {
            int instalment = seq;
            paid.add(transactions().execute(status -> app.getBean(Ledger.class).record(new LedgerPosting(project.id(),
                    instalment, LedgerEntryKind.DISBURSEMENT, EIGHTY_WAN, organization.id(), "finance", "第" + instalment + "期",
                    null), "system")));
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            attackerDropsTheSafeguards(sql);
        }
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        afterLastStop();
    }

    @Test
    @Order(1)
    void anUntouchedLedgerVerifiesAgainstItsCheckpoint() throws Exception {
        JsonNode verification = verifiedBy("auditor");

        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("rowsChecked").asLong()).isEqualTo(3);
        assertThat(verification.at("/checkpoint/lastSeq").asLong()).isEqualTo(3);
        assertThat(verification.at("/checkpoint/marks").asInt()).isEqualTo(3);
        assertThat(verification.at("/sealsByKey/demo").asLong()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void anAmountChangedFrom80To800WanIsNamedAtItsRow() {
        long second = paid.get(1).id();

        LedgerChain.Verification verification = afterAttack(sql -> sql.sql("UPDATE ledger_entry SET amount = 8000000.00 WHERE id = ?")
                .param(second).update());

        assertThat(verification.intact()).isFalse();
        assertThat(kinds(verification)).containsExactly(Tampering.MODIFIED_ROW);
        assertThat(verification.firstBadEntryId()).isEqualTo(second);
        assertThat(verification.problem()).contains("台账记录#" + second).contains("被修改");
    }

    @Test
    @Order(3)
    void aDeletedRowIsNamed() {
        long second = paid.get(1).id();

        LedgerChain.Verification verification = afterAttack(sql -> sql.sql("DELETE FROM ledger_entry WHERE id = ?")
                .param(second).update());

        assertThat(kinds(verification)).containsExactly(Tampering.DELETED_ROW);
        assertThat(verification.firstBadEntryId()).isEqualTo(second);
        assertThat(verification.problem()).contains("台账记录#" + second + "已被删除");
    }

    @Test
    @Order(4)
    void aRowDeletedWithItsSealLeavesAGapInTheChain() {
        long second = paid.get(1).id();

        LedgerChain.Verification verification = afterAttack(sql -> {
            sql.sql("DELETE FROM ledger_entry WHERE id = ?").param(second).update();
            sql.sql("DELETE FROM ledger_seal WHERE entry_id = ?").param(second).update();
        });

        assertThat(kinds(verification)).containsExactly(Tampering.MISSING_SEAL);
        assertThat(verification.firstBadSeq()).isEqualTo(2);
        assertThat(verification.problem()).contains("第2条封存缺失").contains("连同其封存被删除");
    }

    @Test
    @Order(5)
    void aRowInsertedDirectlyIsNamedAsUnsealed() {
        LedgerEntry first = paid.get(0);

        LedgerChain.Verification verification = afterAttack(sql -> sql.sql("""
                INSERT INTO ledger_entry (project_id, milestone_seq, kind, amount, organization_id, memo, approved_by,
                  recorded_by, recorded_at) VALUES (?, 9, 'DISBURSEMENT', 5000000.00, ?, '补记', 'finance', 'system', ?)""")
                .params(first.projectId(), first.organizationId(), LocalDateTime.now().withNano(0)).update());

        assertThat(kinds(verification)).containsExactly(Tampering.UNSEALED_ROW);
        assertThat(verification.unsealedEntryIds()).hasSize(1).allMatch(id -> id > paid.get(2).id());
        assertThat(verification.problem()).contains("没有封存").contains("直接插入");
    }

    /** The chain left in the database is whole: only the checkpoint outside it shows what is missing. */
    @Test
    @Order(6)
    void aTruncatedTailIsNamedAgainstTheCheckpoint() {
        LedgerEntry third = paid.get(2);

        LedgerChain.Verification verification = afterAttack(sql -> {
            sql.sql("DELETE FROM ledger_entry WHERE id = ?").param(third.id()).update();
            sql.sql("DELETE FROM ledger_seal WHERE entry_id = ?").param(third.id()).update();
            sql.sql("UPDATE ledger_chain_head SET last_seq = 2, last_mac = (SELECT mac FROM ledger_seal WHERE seq = 2) WHERE id = 1")
                    .update();
        });

        assertThat(kinds(verification)).containsExactly(Tampering.TRUNCATED);
        assertThat(verification.problem()).contains("链尾被截断").contains("检查点记到第3条封存").contains("数据库只到第2条");
    }

    /** The attacker knows the algorithm (the source is public), not the key: a seal made with another key fails. */
    @Test
    @Order(7)
    void rowsResealedWithAnotherKeyUnderOurKeyIdAreNamed() {
        long second = paid.get(1).id();

        LedgerChain.Verification verification = afterAttack(sql -> {
            sql.sql("UPDATE ledger_entry SET amount = 8000000.00 WHERE id = ?").param(second).update();
            resealFrom(sql, 2, "demo", randomKey());
        });

        assertThat(kinds(verification)).containsExactly(Tampering.FORGED_SEAL, Tampering.FORGED_SEAL,
                Tampering.CHECKPOINT_MISMATCH);
        assertThat(verification.firstBadEntryId()).isEqualTo(second);
        assertThat(verification.problem()).contains("不能用密钥“demo”验证").contains("用其他密钥重新封存");
        assertThat(verification.findings().get(2).message()).contains("第2条封存与检查点");
    }

    @Test
    @Order(8)
    void rowsResealedUnderAKeyIdWeDoNotHaveAreNamed() {
        long second = paid.get(1).id();

        LedgerChain.Verification verification = afterAttack(sql -> {
            sql.sql("UPDATE ledger_entry SET amount = 8000000.00 WHERE id = ?").param(second).update();
            resealFrom(sql, 2, "k2099", randomKey());
        });

        assertThat(kinds(verification)).containsExactly(Tampering.UNKNOWN_KEY, Tampering.UNKNOWN_KEY,
                Tampering.CHECKPOINT_MISMATCH);
        assertThat(verification.problem()).contains("未知密钥“k2099”");
    }

    @Test
    @Order(9)
    void onlyAdministratorsSealAndNobodyElseCan() throws Exception {
        for (String user : List.of("finance", "auditor", "kjj", "applicant", "expert1")) {
            assertThat(Http.as(port(), user).post("/api/ledger/seal-unsealed", "{\"entryIds\":[" + paid.get(0).id() + "]}")
                    .status()).as(user).isEqualTo(403);
        }
        assertThat(verifiedBy("auditor").get("intact").asBoolean()).isTrue();
    }

    /**
     * Issue 13 as reported: every seal deleted, the head reset, 80万 made 800万, a 500万 row slipped in — and a restart,
     * which used to seal all of it again. Now the restart seals nothing, and the check names the wipe and every row.
     * The restarted application also has a new active key (rotation), keeping the old one to verify with.
     */
    @Test
    @Order(10)
    void wipedSealsStayWipedAcrossARestartAndEveryRowIsNamed() throws Exception {
        LedgerEntry first = paid.get(0);
        long second = paid.get(1).id();
        app.close();
        long forged;
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM ledger_seal");
            sql.executeUpdate("UPDATE ledger_chain_head SET last_seq = 0, last_mac = '" + SealFormat.GENESIS + "' WHERE id = 1");
            sql.executeUpdate("UPDATE ledger_entry SET amount = 8000000.00 WHERE id = " + second);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO ledger_entry (project_id, milestone_seq, kind, amount, organization_id, memo, approved_by,
                      recorded_by, recorded_at) VALUES (?, 9, 'DISBURSEMENT', 5000000.00, ?, '补记', 'finance', 'system', ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, first.projectId());
                insert.setLong(2, first.organizationId());
                insert.setObject(3, LocalDateTime.now().withNano(0));
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    forged = keys.getLong(1);
                }
            }
        }

        app = start(Map.of("rdfund.ledger.seal-keys.k2", Base64.getEncoder().encodeToString(randomKey().getEncoded()),
                "rdfund.ledger.active-seal-key", "k2"));

        assertThat(sql().sql("SELECT COUNT(*) FROM ledger_seal").query(Long.class).single()).as("seals after the restart").isZero();
        JsonNode verification = verifiedBy("auditor");
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("problem").asText()).contains("封存记录被清空").contains("检查点记到第3条封存");
        assertThat(json.convertValue(verification.get("unsealedEntryIds"), long[].class))
                .containsExactly(first.id(), second, paid.get(2).id(), forged);
        assertThat(verification.findValuesAsText("kind")).containsExactly("SEALS_WIPED", "UNSEALED_ROW", "UNSEALED_ROW",
                "UNSEALED_ROW", "UNSEALED_ROW");
    }

    /** Sealing is the administrator's explicit act, on the rows they checked; it does not hide the wipe. */
    @Test
    @Order(11)
    void anAdministratorSealsTheRowsTheyCheckedAndAuditorsSeeWhoAndWhen() throws Exception {
        long first = paid.get(0).id();
        long third = paid.get(2).id();

        Http.Response sealing = Http.as(port(), "admin").post("/api/ledger/seal-unsealed",
                "{\"entryIds\":[" + third + "," + first + "]}");

        assertThat(sealing.status()).as(sealing.body()).isEqualTo(200);
        JsonNode sealed = json.readTree(sealing.body());
        assertThat(sealed.get("sealedBy").asText()).isEqualTo("admin");
        assertThat(sealed.get("keyId").asText()).isEqualTo("k2");
        assertThat(json.convertValue(sealed.get("entryIds"), long[].class)).containsExactly(first, third);
        JsonNode verification = verifiedBy("auditor");
        assertThat(verification.get("rowsChecked").asLong()).isEqualTo(2);
        assertThat(verification.at("/adminSealings/0/sealedBy").asText()).isEqualTo("admin");
        assertThat(verification.at("/adminSealings/0/rows").asInt()).isEqualTo(2);
        assertThat(verification.at("/sealsByKey/k2").asLong()).isEqualTo(2);
        assertThat(json.convertValue(verification.get("unsealedEntryIds"), long[].class)).doesNotContain(first, third);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.findValuesAsText("kind")).contains("TRUNCATED", "CHECKPOINT_MISMATCH", "UNSEALED_ROW");

        Http.Response again = Http.as(port(), "admin").post("/api/ledger/seal-unsealed", "{\"entryIds\":[" + first + "]}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("台账记录#" + first + "已有封存");
        assertThat(Http.as(port(), "admin").post("/api/ledger/seal-unsealed", "{\"entryIds\":[]}").status()).isEqualTo(409);
    }

    /** Recomputes the seals from seq on, and the head, as an attacker would: right algorithm, wrong key. */
    private static void resealFrom(JdbcClient sql, long fromSeq, String keyId, SecretKeySpec key) {
        List<Seal> seals = sql.sql("SELECT * FROM ledger_seal WHERE seq >= ? ORDER BY seq").param(fromSeq).query(Seal.class).list();
        String previous = sql.sql("SELECT mac FROM ledger_seal WHERE seq = ?").param(fromSeq - 1).query(String.class).single();
        for (Seal seal : seals) {
            LedgerEntry entry = sql.sql("SELECT * FROM ledger_entry WHERE id = ?").param(seal.entryId()).query(LedgerEntry.class).single();
            String digest = SealFormat.rowDigest(entry);
            String mac = SealKeys.mac(key, SealFormat.sealContent(seal.seq(), keyId, seal.entryId(), digest, previous,
                    seal.sealedAt(), seal.sealedBy()));
            sql.sql("UPDATE ledger_seal SET key_id = ?, row_digest = ?, prev_mac = ?, mac = ? WHERE seq = ?")
                    .params(keyId, digest, previous, mac, seal.seq()).update();
            previous = mac;
        }
        sql.sql("UPDATE ledger_chain_head SET last_mac = ? WHERE id = 1").param(previous).update();
    }

    private static SecretKeySpec randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private LedgerChain.Verification afterAttack(Consumer<JdbcClient> attack) {
        return transactions().execute(status -> {
            status.setRollbackOnly();
            attack.accept(sql());
            return app.getBean(LedgerChain.class).verify();
        });
    }

    private static List<Tampering> kinds(LedgerChain.Verification verification) {
        return verification.findings().stream().map(LedgerChain.Finding::kind).toList();
    }

    private JsonNode verifiedBy(String user) throws Exception {
        Http.Response response = Http.as(port(), user).get("/api/ledger/verify");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private ConfigurableApplicationContext start(Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        datasource().forEach((name, value) -> properties.put("spring.datasource." + name, value));
        properties.put("server.port", "0");
        properties.put("rdfund.ledger.checkpoint-file", files.resolve("ledger/chain-head.log").toString());
        // Other test contexts of this JVM have an engine named "default" already.
        properties.put("camunda.bpm.generate-unique-process-engine-name", "true");
        // Camunda's webapps keep their runtime in static fields: a second copy in this JVM would take over (and, once
        // closed, break) the webapps of the test context that runs the other tests. This one needs only /api.
        properties.put("camunda.bpm.webapp.enabled", "false");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("rdfund.demo.cases", "false");
        properties.putAll(extra);
        // Logging is one per JVM: a second application that set it up (and tore it down on close) would silence the
        // test context that runs the other tests. This one logs through what is already there.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return new SpringApplicationBuilder(RdfundApplication.class).profiles(profiles().toArray(String[]::new))
                    .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                            .toArray(String[]::new));
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    private int port() {
        return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private JdbcClient sql() {
        return app.getBean(JdbcClient.class);
    }

    private TransactionTemplate transactions() {
        return app.getBean(TransactionTemplate.class);
    }

    private OrganizationRepository organizations() {
        return app.getBean(OrganizationRepository.class);
    }
}
