package cn.rdfund.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreAggregationTest {

    private static final BigDecimal SPREAD_LIMIT = new BigDecimal("20");

    private static AggregatedScore aggregate(String... totals) {
        return ScoreAggregation.aggregate(Arrays.stream(totals).map(BigDecimal::new).toList(), 5, SPREAD_LIMIT);
    }

    @Test
    void takesThePlainMeanOfThreeReviews() {
        AggregatedScore score = aggregate("80", "70", "75");

        assertThat(score.score()).isEqualTo(new BigDecimal("75.00"));
        assertThat(score.trimmed()).isFalse();
    }

    @Test
    void takesThePlainMeanOfFourReviews() {
        AggregatedScore score = aggregate("80", "70", "75", "76");

        assertThat(score.score()).isEqualTo(new BigDecimal("75.25"));
        assertThat(score.trimmed()).isFalse();
    }

    @Test
    void dropsTheHighestAndLowestOfFiveReviews() {
        AggregatedScore score = aggregate("90", "70", "75", "80", "60");

        assertThat(score.score()).isEqualTo(new BigDecimal("75.00"));
        assertThat(score.trimmed()).isTrue();
        assertThat(score.validReviews()).isEqualTo(5);
    }

    @Test
    void dropsOnlyOneHighestAndOneLowestOfSevenReviews() {
        AggregatedScore score = aggregate("95", "95", "80", "78", "77", "60", "60");

        // 95 and 60 dropped once each: (95 + 80 + 78 + 77 + 60) / 5
        assertThat(score.score()).isEqualTo(new BigDecimal("78.00"));
    }

    @Test
    void roundsTheMeanHalfUpToTwoDecimals() {
        assertThat(aggregate("70", "70", "71").score()).isEqualTo(new BigDecimal("70.33"));
        assertThat(aggregate("70", "71", "71").score()).isEqualTo(new BigDecimal("70.67"));
    }

    @Test
    void asksForConsensusOnlyWhenTheSpreadExceedsTheLimit() {
        assertThat(aggregate("90", "70", "80").needsConsensus()).isFalse();
        assertThat(aggregate("90.01", "70", "80").needsConsensus()).isTrue();
        assertThat(aggregate("90.01", "70", "80").spread()).isEqualTo(new BigDecimal("20.01"));
    }

    @Test
    void refusesSettingsThatWouldTrimAwayEveryReview() {
        assertThatThrownBy(() -> new ReviewSettings(5, 3, 2, new BigDecimal("20"), new BigDecimal("70")))
                .hasMessageContaining("至少需要3份评审意见");
    }

    @Test
    void measuresTheSpreadOverAllReviewsEvenWhenTrimming() {
        AggregatedScore score = ScoreAggregation.aggregate(
                List.of(new BigDecimal("95"), new BigDecimal("80"), new BigDecimal("80"), new BigDecimal("80"),
                        new BigDecimal("70")), 5, SPREAD_LIMIT);

        assertThat(score.needsConsensus()).isTrue();
        assertThat(score.score()).isEqualTo(new BigDecimal("80.00"));
    }
}
