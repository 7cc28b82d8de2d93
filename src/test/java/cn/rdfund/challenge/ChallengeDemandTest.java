package cn.rdfund.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChallengeDemandTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static ChallengeDemand demand(String indicators, LocalDate solveBy, String committed, Integer teams) {
        return new ChallengeDemand("长效注射微球制剂工艺放大", "现有工艺批间差异大，无法放大到百升级", indicators, solveBy,
                committed == null ? null : new BigDecimal(committed), teams);
    }

    @Test
    void acceptsAMeasurableDemandForTwoTeamsInParallel() {
        ChallengeDemand demand = demand("包封率≥90%\n批间差异≤5%\n\n放大至100L", TODAY.plusYears(2), "8000000.00", 2);

        assertThat(demand.problems(TODAY, 3)).isEmpty();
        assertThat(demand.indicatorLines()).hasSize(3);
        assertThat(demand.horseRace()).isTrue();
    }

    @Test
    void refusesIndicatorsWithoutANumberAndNamesThem() {
        assertThat(demand("包封率≥90%\n工艺稳定可靠", TODAY.plusYears(1), "1000000", 1).problems(TODAY, 3))
                .containsExactly("第2项技术指标须可量化（写明数值和单位）：工艺稳定可靠");
    }

    @Test
    void refusesAPastDeadlineNoAmountAndTooManyTeams() {
        assertThat(demand("", TODAY, "0", 4).problems(TODAY, 3)).containsExactly(
                "请填写至少一项技术指标（每行一项）", "攻关完成期限应晚于今天",
                "请填写发榜方承诺支付给揭榜方的金额（万元，大于0）", "并行支持的揭榜团队数应为1到3（多于1即赛马制）");
        assertThat(demand("指标1项", TODAY.plusDays(1), "1", 3).problems(TODAY, 3)).isEmpty();
        assertThat(demand("指标1项", TODAY.plusDays(1), "1", 1).horseRace()).isFalse();
    }
}
