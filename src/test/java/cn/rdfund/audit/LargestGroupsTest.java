package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.audit.LargestGroups.Group;
import cn.rdfund.audit.LedgerReport.Totals;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger report's largest projects and enterprises, and how new lines move them. */
class LargestGroupsTest {

    @Test
    void listsTheLargestFirstAndSaysWhenTheListWasCut() {
        LargestGroups two = LargestGroups.of(List.of(group(1, "200000"), group(2, "500000"), group(3, "300000")), 2);

        assertThat(two.totals().keySet()).containsExactly("G2", "G3");
        assertThat(two.cut()).isTrue();
        assertThat(LargestGroups.of(List.of(group(1, "200000"), group(2, "500000")), 2).cut()).isFalse();
    }

    @Test
    void equalAmountsAreListedInTheOrderTheGroupsWereCreated() {
        LargestGroups groups = LargestGroups.of(List.of(group(7, "100000"), group(3, "100000"), group(5, "100000")), 3);

        assertThat(groups.totals().keySet()).containsExactly("G3", "G5", "G7");
    }

    @Test
    void aGroupBelowTheListMovesIntoItWhenItsNewLinesMakeItLarger() {
        LargestGroups before = LargestGroups.of(
                List.of(group(1, "500000"), group(2, "400000"), group(3, "300000"), group(4, "100000")), 2);

        LargestGroups after = before.with(List.of(group(4, "450000")));

        assertThat(after.totals().keySet()).containsExactly("G1", "G4");
        assertThat(after.totals().get("G4").disbursed()).isEqualByComparingTo("450000");
        assertThat(after.cut()).isTrue();
    }

    @Test
    void aListedGroupTakesItsNewTotalsAndIsNotListedTwice() {
        LargestGroups before = LargestGroups.of(List.of(group(1, "500000"), group(2, "400000")), 5);

        LargestGroups after = before.with(List.of(group(2, "600000"), group(9, "50000")));

        assertThat(after.totals().keySet()).containsExactly("G2", "G1", "G9");
        assertThat(after.cut()).isFalse();
    }

    private static Group group(long id, String disbursed) {
        return new Group(id, "G" + id, Totals.of(new BigDecimal(disbursed), BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
