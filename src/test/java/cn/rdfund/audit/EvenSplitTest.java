package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A project's money split between its call's technology areas adds up to the fen. */
class EvenSplitTest {

    @Test
    void theLeftOverFenGoToTheFirstParts() {
        assertThat(EvenSplit.of(new BigDecimal("100.00"), 3))
                .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
        assertThat(EvenSplit.of(new BigDecimal("0.02"), 4))
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(EvenSplit.of(new BigDecimal("3000000.00"), 1)).containsExactly(new BigDecimal("3000000.00"));
        assertThat(EvenSplit.of(new BigDecimal("5000000.00"), 6).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("5000000.00");
        assertThat(EvenSplit.of(new BigDecimal("-1.00"), 3).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("a negative amount adds up too").isEqualByComparingTo("-1.00");
        assertThat(EvenSplit.of(BigDecimal.ZERO, 2)).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }
}
