package cn.rdfund.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WanTest {

    @Test
    void showsYuanAsWanWithTwoDecimals() {
        assertThat(Wan.format(new BigDecimal("7000000.00"))).isEqualTo("700.00万元");
        assertThat(Wan.format(new BigDecimal("5000"))).isEqualTo("0.50万元");
        assertThat(Wan.format(new BigDecimal("12345.67"))).isEqualTo("1.23万元");
    }

    @Test
    void convertsWanToExactYuan() {
        assertThat(Wan.toYuan(new BigDecimal("1000"))).isEqualByComparingTo("10000000.00");
        assertThat(Wan.toYuan(new BigDecimal("0.5")).toPlainString()).isEqualTo("5000.00");
    }

    @Test
    void givesBackExactlyWhatWasTypedInWan() {
        assertThat(Wan.plainWan(new BigDecimal("3000000.01"))).isEqualTo("300.000001");
        assertThat(Wan.plainWan(new BigDecimal("5000000.00"))).isEqualTo("500");
    }

    @Test
    void refusesAmountsFinerThanAFen() {
        assertThat(Wan.exactYuan(new BigDecimal("0.1")).toPlainString()).isEqualTo("0.10");
        assertThatThrownBy(() -> Wan.exactYuan(new BigDecimal("0.001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("精确到分");
    }
}
