package cn.rdfund.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.challenge.ChallengeSupportTable;
import cn.rdfund.disbursement.DisbursementScheduleTable;
import cn.rdfund.disbursement.InstalmentPlan;
import cn.rdfund.disbursement.InstalmentPlanner;
import cn.rdfund.disbursement.InstalmentShare;
import cn.rdfund.review.ReviewCriterion;
import cn.rdfund.review.ReviewSettings;
import cn.rdfund.review.ReviewTables;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The deployed decision tables, evaluated by the real engine, give the rules what the policy says. */
@RdfundIntegrationTest
class PolicyTablesTest {

    @Autowired
    FundingCapsTable caps;

    @Autowired
    DisbursementScheduleTable schedule;

    @Autowired
    ChallengeSupportTable challengeSupport;

    @Autowired
    ReviewTables review;

    @Test
    void capsKeyTechnologyProjectsAt700WanAndChallengesAt300Wan() {
        assertThat(caps.capsFor("P1.1a"))
                .isEqualTo(new FundingCaps(new BigDecimal("7000000.00"), new BigDecimal("10000000.00"), "P1.1"));
        assertThat(caps.capsFor("P1.1b").perProject()).isEqualTo(new BigDecimal("7000000.00"));
        assertThat(caps.capsFor("P1.1c").perProject()).isEqualTo(new BigDecimal("3000000.00"));
    }

    @Test
    void countsAllThreeP11MeasuresAgainstOneEnterpriseCapAndNothingElse() {
        assertThat(caps.sharesEnterpriseCap("P1.1a", "P1.1")).isTrue();
        assertThat(caps.sharesEnterpriseCap("P1.1c", "P1.1")).isTrue();
        assertThat(caps.sharesEnterpriseCap("P4.2", "P1.1")).isFalse();
    }

    @Test
    void refusesAMeasureTheTableDoesNotKnow() {
        assertThatThrownBy(() -> caps.capsFor("P9.9")).hasMessageContaining("没有适用于措施 P9.9 的规则");
    }

    @Test
    void paysKeyTechnologyProjectsFortyFortyTwenty() {
        assertThat(schedule.scheduleFor("P1.1a")).containsExactly(new InstalmentShare(1, 40, "SIGNING"),
                new InstalmentShare(2, 40, "MIDTERM_PASSED"), new InstalmentShare(3, 20, "ACCEPTED"));
    }

    @Test
    void plansA700WanProjectFromTheTablesAlone() {
        InstalmentPlan plan = InstalmentPlanner.plan(new BigDecimal("7500000"), caps.capsFor("P1.1b"),
                new BigDecimal("0"), schedule.scheduleFor("P1.1b"));

        assertThat(plan.fundedAmount()).isEqualTo(new BigDecimal("7000000.00"));
        assertThat(plan.instalment(3).amount()).isEqualTo(new BigDecimal("1400000.00"));
    }

    @Test
    void scoresFiveCriteriaWhoseWeightsAddUpTo100() {
        assertThat(review.criteriaFor("P1.1a")).extracting(ReviewCriterion::name)
                .containsExactly("技术先进性", "可行性", "团队能力", "经费合理性", "产业化前景");
        assertThat(review.criteriaFor("P1.1a").stream().mapToInt(ReviewCriterion::weightPercent).sum()).isEqualTo(100);
    }

    @Test
    void drawsFiveExpertsAtLeastThreeAndPassesAt70() {
        assertThat(review.settingsFor("P1.1a")).isEqualTo(new ReviewSettings(5, 3, 5, new BigDecimal("20"),
                new BigDecimal("70")));
    }

    @Test
    void supportsChallengesWith30PercentOfWhatWasActuallyPaid() {
        assertThat(challengeSupport.ratioPercentFor("P1.1c")).isEqualTo(30);
    }
}
