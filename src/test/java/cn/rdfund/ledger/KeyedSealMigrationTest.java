package cn.rdfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upgrade from the unkeyed chain (V7): its seals prove nothing against someone with database access, so V20
 * drops them instead of carrying them over, and every existing row is reported as unsealed until an administrator
 * seals it.
 */
class KeyedSealMigrationTest {

    @TempDir
    Path files;

    @Test
    void rowsSealedByTheUnkeyedChainAreReportedUnsealedAfterTheUpgrade() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        JdbcClient sql = JdbcClient.create(database);
        migrate(database, "9");
        sql.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        for (int id = 1; id <= 2; id++) {
            sql.sql("""
                    INSERT INTO ledger_entry (id, project_id, milestone_seq, kind, amount, organization_id, approved_by,
                      recorded_by, recorded_at) VALUES (?, 1, ?, 'DISBURSEMENT', 800000.00, 1, 'finance', 'system', '2025-06-01 10:00:00')""")
                    .params(id, id).update();
            sql.sql("INSERT INTO ledger_seal (seq, entry_id, prev_hash, row_hash, sealed_at) VALUES (?, ?, ?, ?, '2025-06-01 10:00:00')")
                    .params(id, id, "0".repeat(64), String.valueOf(id).repeat(64)).update();
        }
        sql.sql("UPDATE ledger_chain_head SET last_seq = 2, last_hash = ? WHERE id = 1").param("2".repeat(64)).update();

        migrate(database, "latest");

        assertThat(sql.sql("SELECT COUNT(*) FROM ledger_seal").query(Long.class).single()).isZero();
        assertThat(sql.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single()).isEqualTo(2);
        SealKeys keys = SealKeysTest.keys(Map.of("k2026", "cmRmdW5kIGRlbW8gbGVkZ2VyIHNlYWwga2V5IC0gcHVibGlzaGVkLCBOT1QgU0VDUkVU"), "k2026");
        LedgerChain chain = new LedgerChain(sql, Clock.systemDefaultZone(), keys,
                new LedgerCheckpoint(new LedgerSettings(Map.of(), "k2026", files.resolve("chain-head.log")), Clock.systemDefaultZone()));
        LedgerChain.Verification verification = chain.verify();
        assertThat(verification.unsealedEntryIds()).containsExactly(1L, 2L);
        assertThat(verification.findings()).extracting(LedgerChain.Finding::kind)
                .containsExactly(Tampering.UNSEALED_ROW, Tampering.UNSEALED_ROW);
        assertThat(verification.warnings()).singleElement().asString().contains("没有检查点文件");
    }

    /** One administrator's sealing is one entry in the check, even when the clock passes a second during it. */
    @Test
    void anAdministratorsSealingIsOneActionWhateverTheClockDoesMeanwhile() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:sealing-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        JdbcClient sql = JdbcClient.create(database);
        migrate(database, "latest");
        sql.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        for (int id = 1; id <= 3; id++) {
            sql.sql("""
                    INSERT INTO ledger_entry (id, project_id, milestone_seq, kind, amount, organization_id, approved_by,
                      recorded_by, recorded_at) VALUES (?, 1, ?, 'DISBURSEMENT', 800000.00, 1, 'finance', 'system', '2025-06-01 10:00:00')""")
                    .params(id, id).update();
        }
        Clock ticking = new Clock() {
            private Instant now = Instant.parse("2025-06-02T01:59:59.400Z");

            @Override
            public Instant instant() {
                now = now.plusMillis(700);
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneId.of("Asia/Shanghai");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        SealKeys keys = SealKeysTest.keys(Map.of("k2026", "cmRmdW5kIGRlbW8gbGVkZ2VyIHNlYWwga2V5IC0gcHVibGlzaGVkLCBOT1QgU0VDUkVU"), "k2026");
        LedgerChain chain = new LedgerChain(sql, ticking, keys,
                new LedgerCheckpoint(new LedgerSettings(Map.of(), "k2026", files.resolve("chain-head.log")), ticking));

        new TransactionTemplate(new DataSourceTransactionManager(database))
                .executeWithoutResult(status -> chain.sealUnsealed(List.of(3L, 1L, 2L), "admin"));

        LedgerChain.Verification verification = chain.verify();
        assertThat(verification.rowsChecked()).isEqualTo(3);
        assertThat(verification.adminSealings()).singleElement()
                .satisfies(sealing -> assertThat(sealing.rows()).isEqualTo(3))
                .satisfies(sealing -> assertThat(sealing.sealedBy()).isEqualTo("admin"));
    }

    private static void migrate(JdbcDataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target(target).load().migrate();
    }
}
