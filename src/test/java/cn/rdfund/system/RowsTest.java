package cn.rdfund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class RowsTest {

    record Payment(long projectId, BigDecimal amountYuan, LocalDate paidOn, TimeUnit unit, String releasedBy) {
    }

    private final JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:rows-test;MODE=MySQL"));

    @Test
    void readsSnakeCaseAndCamelCaseColumnsIntoARecord() {
        Payment payment = jdbc.sql("""
                SELECT 7 AS project_id, CAST(1234.50 AS DECIMAL(15,2)) AS AMOUNT_YUAN, DATE '2026-12-07' AS paidOn,
                       'DAYS' AS unit, NULL AS released_by""").query(Rows.of(Payment.class)).single();

        assertThat(payment).isEqualTo(new Payment(7, new BigDecimal("1234.50"), LocalDate.of(2026, 12, 7),
                TimeUnit.DAYS, null));
    }

    @Test
    void namesAComponentTheResultLacks() {
        assertThatThrownBy(() -> jdbc.sql("SELECT 7 AS project_id").query(Rows.of(Payment.class)).single())
                .hasMessageContaining("amountYuan");
    }
}
