package cn.rdfund.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 从优、就高、不重复: an item already awarded under another policy is never funded twice in full. */
class OverlapSettlementTest {

    private static BigDecimal wan(String wan) {
        return new BigDecimal(wan).multiply(new BigDecimal("10000")).setScale(2);
    }

    @ParameterizedTest(name = "ours {0}万, other {1}万 → {2}万 under 补差")
    @CsvSource({"20, 0, 20", "20, 15, 5", "20, 19.99, 0.01", "20, 20, 0", "20, 25, 0"})
    void paysTheDifferenceByDefault(String ours, String other, String expected) {
        OverlapSettlement settlement = OverlapSettlement.settle(wan(ours), wan(other), false, OverlapRule.TOP_UP);

        assertThat(settlement.payable()).isEqualByComparingTo(wan(expected));
        assertThat(settlement.rule()).isEqualTo(OverlapRule.TOP_UP);
    }

    @Test
    void recordsTheComparisonInWords() {
        assertThat(OverlapSettlement.settle(wan("20"), wan("15"), false, OverlapRule.TOP_UP).note())
                .isEqualTo("同一事项已获其他政策奖励15.00万元，低于本政策20.00万元；从优、就高、不重复：补差支持5.00万元");
        assertThat(OverlapSettlement.settle(wan("20"), wan("20"), false, OverlapRule.TOP_UP).note())
                .contains("不低于本政策20.00万元").contains("本政策不再支持");
    }

    @Test
    void paysInFullWhereTheLocalityAllowsItAndTheOtherAwardWasGivenUp() {
        assertThat(OverlapSettlement.settle(wan("20"), wan("15"), true, OverlapRule.FULL_IF_WAIVED).payable())
                .isEqualByComparingTo(wan("20"));
        assertThat(OverlapSettlement.settle(wan("20"), wan("15"), false, OverlapRule.FULL_IF_WAIVED).payable())
                .isEqualByComparingTo(wan("5"));
        assertThat(OverlapSettlement.settle(wan("20"), wan("15"), true, OverlapRule.TOP_UP).payable())
                .isEqualByComparingTo(wan("5"));
    }
}
