package cn.rdfund.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.disbursement.Reduction;
import cn.rdfund.policy.FundingCaps;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChallengeSupportTest {

    private static final FundingCaps CHALLENGE = new FundingCaps(new BigDecimal("3000000"), new BigDecimal("10000000"));
    private static final int THIRTY = 30;

    private static ChallengeSupport.Stage stage(String paid, String otherwise, String before) {
        return ChallengeSupport.stage(new BigDecimal(paid), THIRTY, CHALLENGE, new BigDecimal(otherwise),
                new BigDecimal(before));
    }

    @Test
    void paysExactly300WanAtTheCapWithoutReduction() {
        ChallengeSupport.Stage stage = stage("10000000.00", "0", "0");

        assertThat(stage.amount()).isEqualTo(new BigDecimal("3000000.00"));
        assertThat(stage.reductions()).isEmpty();
    }

    @Test
    void capsOneFenOverTheProjectCapAndSaysWhy() {
        ChallengeSupport.Stage stage = stage("10000000.04", "0", "0");

        assertThat(stage.share()).isEqualTo(new BigDecimal("3000000.01"));
        assertThat(stage.amount()).isEqualTo(new BigDecimal("3000000.00"));
        assertThat(stage.reductions()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Reduction.Kind.PROJECT_CAP);
            assertThat(r.reason()).contains("300.00万元");
        });
    }

    @Test
    void givesAChallengerThatHolds800WanOnlyTheRemaining200Wan() {
        ChallengeSupport.Stage stage = stage("10000000.00", "8000000.00", "0");

        assertThat(stage.amount()).isEqualTo(new BigDecimal("2000000.00"));
        assertThat(stage.reductions()).extracting(Reduction::kind).containsExactly(Reduction.Kind.ENTERPRISE_CAP);
        assertThat(stage.reductions().get(0).reason()).contains("800.00万元", "本项目最多200.00万元");
    }

    @Test
    void staysWithinTheSupportPlannedAtSigningWhenTheRoomGrewLater() {
        // planned 150万 at signing; 600万 paid since, 30 % = 180万, 60万 already supported
        ChallengeSupport.Stage stage = stage("6000000.00", "0", "600000.00").within(new BigDecimal("1500000.00"));

        assertThat(stage.dueInAll()).isEqualByComparingTo("1500000.00");
        assertThat(stage.amount()).isEqualByComparingTo("900000.00");
        assertThat(stage.reductions()).last().extracting(r -> r.reason()).asString().contains("合同签订时核定的支持上限");
        assertThat(stage("1000000.00", "0", "0").within(new BigDecimal("1500000.00")).amount()).isEqualByComparingTo("300000.00");
    }

    @Test
    void neverPaysMoreThanWasActuallyPaidToTheSolver() {
        ChallengeSupport.Stage all = ChallengeSupport.stage(new BigDecimal("1234567.89"), 100, CHALLENGE,
                BigDecimal.ZERO, BigDecimal.ZERO);
        ChallengeSupport.Stage tiny = stage("0.03", "0", "0");

        assertThat(all.amount()).isEqualTo(new BigDecimal("1234567.89"));
        assertThat(tiny.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(stage("0", "0", "0").amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void paysInStagesWhatIsDueOnEverythingPaidLessWhatEarlierStagesPaid() {
        ChallengeSupport.Stage first = stage("4000000.00", "0", "0");
        ChallengeSupport.Stage second = stage("12000000.00", "0", first.amount().toPlainString());
        ChallengeSupport.Stage third = stage("15000000.00", "0", "3000000.00");

        assertThat(first.amount()).isEqualTo(new BigDecimal("1200000.00"));
        assertThat(second.amount()).isEqualTo(new BigDecimal("1800000.00"));
        assertThat(second.dueInAll()).isEqualTo(new BigDecimal("3000000.00"));
        assertThat(third.amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void refusesARatioOutsideZeroToHundredAndNegativePayments() {
        assertThatThrownBy(() -> ChallengeSupport.stage(BigDecimal.TEN, 101, CHALLENGE, BigDecimal.ZERO, BigDecimal.ZERO))
                .hasMessageContaining("支持比例");
        assertThatThrownBy(() -> stage("-1", "0", "0")).hasMessageContaining("不能为负");
    }
}
