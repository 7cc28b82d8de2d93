package cn.rdfund.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.policy.AwardFormula.Award;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The amount an award table's row gives a claim, at the boundaries of each kind of rule. */
class AwardFormulaTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    private static AwardRule rule(String fixed, String perUnit, Integer rate, String cap, boolean committee) {
        return new AwardRule("Table:1", 1, "2024", true, "规则", yuan(fixed), yuan(perUnit), rate, yuan(cap), committee);
    }

    private static BigDecimal yuan(String value) {
        return value == null ? null : new BigDecimal(value).setScale(2);
    }

    private static ClaimFacts facts(String baseYuan, Integer headcount, String requestedYuan) {
        return new ClaimFacts(DAY, null, yuan(baseYuan), null, null, headcount, null, yuan(requestedYuan));
    }

    @ParameterizedTest(name = "CDMO fixed-asset investment {0} yuan → {1} yuan")
    @CsvSource({
            "120000000, 10000000",   // 1.2亿: 10 % would be 1200万, the cap is 1000万
            "100000000, 10000000",   // exactly at the cap
            "99999999.99, 9999999.99", // just below: 10 %, cut down to the fen
            "1, 0.10"})
    void paysTenPercentOfTheInvestmentAtMostTheCap(String investment, String expected) {
        Award award = AwardFormula.calculate(rule(null, null, 10, "10000000", false), facts(investment, null, null));

        assertThat(award.kind()).isEqualTo(Award.Kind.AMOUNT);
        assertThat(award.amount()).isEqualByComparingTo(expected);
    }

    @Test
    void saysInWordsThatTheCapApplied() {
        Award award = AwardFormula.calculate(rule(null, null, 10, "10000000", false), facts("120000000", null, null));

        assertThat(award.calculation()).contains("12000.00万元 × 10% = 1200.00万元").contains("按上限核定1000.00万元");
    }

    @ParameterizedTest(name = "{0} trainees → {1} yuan")
    @CsvSource({"1, 5000", "3, 15000", "200, 1000000"})
    void paysOrderBasedTrainingPerPerson(int trainees, String expected) {
        Award award = AwardFormula.calculate(rule(null, "5000", null, null, false), facts(null, trainees, null));

        assertThat(award.amount()).isEqualByComparingTo(expected);
        assertThat(award.calculation()).contains("5000元/人 × " + trainees + "人");
    }

    @ParameterizedTest(name = "requested {0} yuan, capped at 50万 → {1}")
    @CsvSource({"499999.99, 499999.99", "500000, 500000", "500000.01, 500000"})
    void paysTheRequestedAmountUpToTheCap(String requested, String expected) {
        Award award = AwardFormula.calculate(rule(null, null, null, "500000", false), facts(null, null, requested));

        assertThat(award.amount()).isEqualByComparingTo(expected);
    }

    @Test
    void paysAFixedAmountAsTheTableSaysIt() {
        assertThat(AwardFormula.calculate(rule("200000", null, null, "200000", false), facts(null, null, null)).amount())
                .isEqualByComparingTo("200000");
    }

    @Test
    void leavesACaseByCaseRowToTheCommitteeAndTakesItsAmountWithinAnyCap() {
        AwardRule caseByCase = rule(null, null, null, null, true);
        assertThat(AwardFormula.calculate(caseByCase, facts(null, null, null)).committeeNeeded()).isTrue();

        Award decided = AwardFormula.committeeDecided(caseByCase, yuan("8000000"), "纪要〔2025〕3号");
        assertThat(decided.amount()).isEqualByComparingTo("8000000");
        assertThat(decided.calculation()).contains("纪要〔2025〕3号").contains("800.00万元");
        assertThat(AwardFormula.committeeDecided(rule(null, null, null, "5000000", true), yuan("8000000"), "纪要")
                .amount()).isEqualByComparingTo("5000000");
    }

    @Test
    void refusesWithTheTablesReasonWhenTheRowSaysNotEligible() {
        AwardRule refusal = new AwardRule("Table:1", 1, "2024", false, "有效投资不足5000万元", null, null, null, null, false);

        Award award = AwardFormula.calculate(refusal, facts("49999999", null, null));

        assertThat(award.kind()).isEqualTo(Award.Kind.INELIGIBLE);
        assertThat(award.calculation()).isEqualTo("有效投资不足5000万元");
    }
}
