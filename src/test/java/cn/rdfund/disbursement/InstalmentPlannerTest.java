package cn.rdfund.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.policy.FundingCaps;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstalmentPlannerTest {

    private static final FundingCaps KEY_TECHNOLOGY = new FundingCaps(new BigDecimal("7000000"), new BigDecimal("10000000"));
    private static final List<InstalmentShare> FORTY_FORTY_TWENTY = List.of(
            new InstalmentShare(1, 40, "SIGNING"), new InstalmentShare(2, 40, "MIDTERM_PASSED"),
            new InstalmentShare(3, 20, "ACCEPTED"));

    private static InstalmentPlan plan(String approved, String enterpriseCommitted) {
        return InstalmentPlanner.plan(new BigDecimal(approved), KEY_TECHNOLOGY, new BigDecimal(enterpriseCommitted),
                FORTY_FORTY_TWENTY);
    }

    @Test
    void fundsExactlyTheProjectCapWithoutReduction() {
        InstalmentPlan plan = plan("7000000.00", "0");

        assertThat(plan.fundedAmount()).isEqualTo(new BigDecimal("7000000.00"));
        assertThat(plan.reduced()).isFalse();
        assertThat(plan.instalments()).extracting(InstalmentPlan.Instalment::amount).containsExactly(
                new BigDecimal("2800000.00"), new BigDecimal("2800000.00"), new BigDecimal("1400000.00"));
    }

    @Test
    void capsOneFenOverTheProjectCapAndSaysWhy() {
        InstalmentPlan plan = plan("7000000.01", "0");

        assertThat(plan.fundedAmount()).isEqualTo(new BigDecimal("7000000.00"));
        assertThat(plan.reductions()).singleElement().satisfies(reduction -> {
            assertThat(reduction.kind()).isEqualTo(Reduction.Kind.PROJECT_CAP);
            assertThat(reduction.before()).isEqualTo(new BigDecimal("7000000.01"));
            assertThat(reduction.reason()).contains("单个项目资助上限700.00万元");
        });
    }

    @Test
    void givesAnEnterpriseAt900WanOnly100WanOfThe200ItAskedFor() {
        InstalmentPlan plan = plan("2000000.00", "9000000.00");

        assertThat(plan.fundedAmount()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(plan.reductions()).singleElement().satisfies(reduction -> {
            assertThat(reduction.kind()).isEqualTo(Reduction.Kind.ENTERPRISE_CAP);
            assertThat(reduction.reason()).contains("900.00万元", "1000.00万元", "本项目最多100.00万元");
        });
    }

    @Test
    void appliesBothCapsInTurn() {
        InstalmentPlan plan = plan("8000000.00", "5000000.00");

        assertThat(plan.fundedAmount()).isEqualTo(new BigDecimal("5000000.00"));
        assertThat(plan.reductions()).extracting(Reduction::kind)
                .containsExactly(Reduction.Kind.PROJECT_CAP, Reduction.Kind.ENTERPRISE_CAP);
    }

    @Test
    void fundsNothingWhenTheEnterpriseCapIsUsedUp() {
        InstalmentPlan plan = plan("1000000.00", "10000000.00");

        assertThat(plan.fundedAmount()).isEqualByComparingTo("0");
        assertThat(plan.instalments()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567.89", "0.01", "0.03", "999999.99", "3333333.33", "6999999.97"})
    void instalmentsAlwaysAddUpToTheFundedAmount(String approved) {
        InstalmentPlan plan = plan(approved, "0");

        BigDecimal sum = plan.instalments().stream().map(InstalmentPlan.Instalment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualTo(plan.fundedAmount());
        assertThat(plan.instalments()).allSatisfy(i -> assertThat(i.amount().scale()).isEqualTo(2));
    }

    @Test
    void roundsEachInstalmentToTheFenAndGivesTheRemainderToTheLast() {
        InstalmentPlan plan = plan("1234567.89", "0");

        assertThat(plan.instalments()).extracting(InstalmentPlan.Instalment::amount).containsExactly(
                new BigDecimal("493827.16"), new BigDecimal("493827.16"), new BigDecimal("246913.57"));
    }

    @Test
    void refusesAScheduleWhoseSharesDoNotAddUpTo100() {
        List<InstalmentShare> broken = List.of(new InstalmentShare(1, 40, "SIGNING"), new InstalmentShare(2, 50, "ACCEPTED"));

        assertThatThrownBy(() -> InstalmentPlanner.plan(new BigDecimal("100"), KEY_TECHNOLOGY, BigDecimal.ZERO, broken))
                .hasMessageContaining("合计应为100%");
    }

    @Test
    void splitsThirtyThirtyThirtyTenIntoFourInstalmentsThatAddUpToTheFen() {
        List<InstalmentShare> four = List.of(new InstalmentShare(1, 30, "SIGNING"),
                new InstalmentShare(2, 30, "MIDTERM_PASSED"), new InstalmentShare(3, 30, "ACCEPTED"),
                new InstalmentShare(4, 10, "ACCEPTED"));

        InstalmentPlan plan = InstalmentPlanner.plan(new BigDecimal("1000000.05"), KEY_TECHNOLOGY, BigDecimal.ZERO, four);

        assertThat(plan.instalments()).extracting(InstalmentPlan.Instalment::amount).containsExactly(
                new BigDecimal("300000.02"), new BigDecimal("300000.02"), new BigDecimal("300000.02"),
                new BigDecimal("99999.99"));
        assertThat(plan.instalments().stream().map(InstalmentPlan.Instalment::amount).reduce(BigDecimal::add))
                .contains(new BigDecimal("1000000.05"));
    }

    @Test
    void refusesAProjectScheduleWithAnEventTheProjectNeverReaches() {
        List<InstalmentShare> award = List.of(new InstalmentShare(1, 60, "SIGNING"), new InstalmentShare(2, 40, "AWARD"));

        assertThatThrownBy(() -> ReleaseEvent.requireProjectLifecycle("P1.1a", award))
                .hasMessageContaining("措施P1.1a的第2期拨付条件AWARD不是项目实施中的拨付节点");
        ReleaseEvent.requireProjectLifecycle("P1.1a", FORTY_FORTY_TWENTY);
    }

    @Test
    void refusesAnAmountFinerThanAFen() {
        assertThatThrownBy(() -> plan("100.001", "0")).hasMessageContaining("精确到分");
    }
}
