package cn.rdfund.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreSheetTest {

    private static final List<ReviewCriterion> CRITERIA = List.of(
            new ReviewCriterion("advancement", "技术先进性", 30), new ReviewCriterion("feasibility", "可行性", 25),
            new ReviewCriterion("team", "团队能力", 15), new ReviewCriterion("budget", "经费合理性", 10),
            new ReviewCriterion("industrialization", "产业化前景", 20));

    @Test
    void weighsEachCriterion() {
        Map<String, Integer> scores = Map.of("advancement", 90, "feasibility", 80, "team", 70, "budget", 60,
                "industrialization", 85);

        // 27 + 20 + 10.5 + 6 + 17
        assertThat(ScoreSheet.weightedTotal(CRITERIA, scores)).isEqualTo(new BigDecimal("80.50"));
    }

    @Test
    void acceptsTheEdgesOfTheScale() {
        Map<String, Integer> zeros = Map.of("advancement", 0, "feasibility", 0, "team", 0, "budget", 0,
                "industrialization", 0);
        Map<String, Integer> hundreds = Map.of("advancement", 100, "feasibility", 100, "team", 100, "budget", 100,
                "industrialization", 100);

        assertThat(ScoreSheet.weightedTotal(CRITERIA, zeros)).isEqualTo(new BigDecimal("0.00"));
        assertThat(ScoreSheet.weightedTotal(CRITERIA, hundreds)).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void namesEveryMissingOrOutOfRangeScore() {
        Map<String, Integer> scores = Map.of("advancement", 101, "feasibility", -1, "team", 70, "budget", 60);

        assertThat(ScoreSheet.problems(CRITERIA, scores)).containsExactly(
                "「技术先进性」的分数应在0到100之间，实际为101",
                "「可行性」的分数应在0到100之间，实际为-1",
                "请为「产业化前景」打分");
    }

    /** A number field keeps what the expert typed: 85.5 is not silently read as 855 or 85, and not as "missing". */
    @Test
    void namesAScoreWithDecimalsAndTakesWholePointsHoweverTheyAreWritten() {
        Map<String, Number> scores = Map.of("advancement", 85.5, "feasibility", 90.0, "team", new BigDecimal("100.00"),
                "budget", 0L, "industrialization", new BigDecimal("0.01"));

        assertThat(ScoreSheet.problems(CRITERIA, scores)).containsExactly(
                "「技术先进性」应为0到100之间的整数，填写的是85.5",
                "「产业化前景」应为0到100之间的整数，填写的是0.01");
    }

    /** What a REST client may send that is no number a person types: asked for again, never an error. */
    @Test
    void takesNoNumberFromWhatIsNotOne() {
        assertThat(FormValues.number(Double.NaN)).isNull();
        assertThat(FormValues.number(Double.POSITIVE_INFINITY)).isNull();
        assertThat(FormValues.number("85.")).isNull();
        assertThat(FormValues.number(" 85.5 ")).isEqualTo(new BigDecimal("85.5"));
    }

    @Test
    void refusesWeightsThatDoNotAddUpTo100() {
        List<ReviewCriterion> broken = List.of(new ReviewCriterion("a", "甲", 50), new ReviewCriterion("b", "乙", 40));

        assertThatThrownBy(() -> ScoreSheet.weightedTotal(broken, Map.of("a", 1, "b", 1)))
                .hasMessageContaining("合计应为100%");
    }
}
