package cn.rdfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LedgerPostingTest {

    private static LedgerPosting posting(String amount, int milestone, String approver) {
        return new LedgerPosting(1L, milestone, LedgerEntryKind.DISBURSEMENT, new BigDecimal(amount), 2L, approver,
                null, null);
    }

    @Test
    void keepsAmountsAsExactFen() {
        assertThat(posting("2800000", 1, "finance").amount().toPlainString()).isEqualTo("2800000.00");
    }

    @Test
    void refusesZeroAndNegativeAmounts() {
        assertThatThrownBy(() -> posting("0.00", 1, "finance")).hasMessageContaining("大于0");
        assertThatThrownBy(() -> posting("-0.01", 1, "finance")).hasMessageContaining("大于0");
    }

    @Test
    void refusesFractionsOfAFen() {
        assertThatThrownBy(() -> posting("100.005", 1, "finance")).hasMessageContaining("精确到分");
    }

    @Test
    void acceptsProjectLevelEntriesButNoNegativeMilestone() {
        assertThat(posting("1", LedgerEntry.PROJECT_LEVEL, "finance").milestoneSeq()).isZero();
        assertThatThrownBy(() -> posting("1", -1, "finance")).hasMessageContaining("里程碑");
    }

    @Test
    void requiresTheFinanceApprover() {
        assertThatThrownBy(() -> posting("1", 1, " ")).hasMessageContaining("财务审批人");
    }
}
