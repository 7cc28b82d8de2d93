package cn.rdfund.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractTermsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate SOLVE_BY = LocalDate.of(2028, 12, 31);
    private static final BigDecimal COMMITTED = new BigDecimal("5000000.00");

    private static ContractTerms.Parsed parse(String milestones, String payments) {
        return ContractTerms.parse(milestones, payments, SOLVE_BY, COMMITTED, TODAY);
    }

    @Test
    void readsMilestonesWithTheOwnersPaymentOnEachLine() {
        ContractTerms.Parsed terms = parse("2027-06-30 完成小试\n2028-06-30 完成中试与验收", "200\n300");
        assertThat(terms.valid()).isTrue();
        assertThat(terms.milestones()).extracting(ContractTerms.Milestone::payment)
                .containsExactly(new BigDecimal("2000000.00"), new BigDecimal("3000000.00"));
        assertThat(terms.total()).isEqualByComparingTo("5000000.00");
    }

    @Test
    void paymentsMayAddUpToExactlyTheCommittedAmountButNotOneFenMore() {
        assertThat(parse("2027-06-30 小试\n2028-06-30 验收", "200\n300").valid()).isTrue();
        assertThat(parse("2027-06-30 小试\n2028-06-30 验收", "200\n300.000001").problems())
                .containsExactly("支付金额合计500.00万元，超过发榜方承诺的500.00万元");
    }

    @Test
    void needsOnePaymentLinePerMilestone() {
        assertThat(parse("2027-06-30 小试\n2028-06-30 验收", "500").problems())
                .anyMatch(p -> p.startsWith("每个里程碑对应一行支付金额"));
    }

    @Test
    void acceptanceFallsNoLaterThanTheChallengesDeadline() {
        assertThat(parse("2027-06-30 小试\n2028-12-31 验收", "200\n300").valid()).isTrue();
        assertThat(parse("2027-06-30 小试\n2029-01-01 验收", "200\n300").problems())
                .containsExactly("最后一个里程碑（验收）不得晚于榜单的攻关完成期限2028-12-31");
    }

    @Test
    void refusesAContractThatPaysNothingOrNegativeAmounts() {
        assertThat(parse("2027-06-30 小试\n2028-06-30 验收", "0\n0").problems()).contains("合同应约定发榜方向揭榜方支付的金额");
        assertThat(parse("2027-06-30 小试\n2028-06-30 验收", "-1\n300").problems())
                .anyMatch(p -> p.startsWith("第1个里程碑的支付金额应为万元数"));
    }
}
