package cn.rdfund.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V27 gives the applications stored before 申报编号 existed the code Java gives new ones (SB, year, id to six digits,
 * longer ids whole), on H2 as on MySQL: an upgraded database starts, its codes unique.
 */
class ApplicationCodesMigrationTest {

    @Test
    void applicationsStoredBeforeTheirCodesGetTheCodeJavaWouldGive() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:v27-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("filesystem:db/migration/common", "filesystem:db/migration/h2")
                .target(MigrationVersion.fromVersion("26")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO organization (id, uscc, name, kind, created_at) VALUES (1, '91210112MA0000001X', '升级前企业',"
                + " 'ENTERPRISE', '2025-03-01 09:00:00')").update();
        jdbc.sql("INSERT INTO funding_call (id, code, title, measure, lead_unit, total_budget, project_cap, opens_at,"
                + " closes_at, status, created_by, created_at) VALUES (1, 'ZN2025-0A1B2C3D', '升级前指南', 'P1.1a', 'KJJ',"
                + " 30000000, 7000000, '2025-03-01 00:00:00', '2025-04-01 00:00:00', 'PUBLISHED', 'kjj',"
                + " '2025-03-01 09:00:00')").update();
        for (long id : List.of(1L, 10L, 12L, 1234567L)) {
            jdbc.sql("INSERT INTO application (id, call_id, applicant_id, title, requested_amount, status, created_at)"
                    + " VALUES (?, 1, 1, '升级前申报', 1000000, 'SUBMITTED', '2025-03-15 10:00:00')").param(id).update();
        }

        Flyway.configure().dataSource(h2).locations("filesystem:db/migration/common", "filesystem:db/migration/h2")
                .load().migrate();

        assertThat(jdbc.sql("SELECT code FROM application ORDER BY id").query(String.class).list())
                .containsExactly("SB2025-000001", "SB2025-000010", "SB2025-000012", "SB2025-1234567");
    }
}
