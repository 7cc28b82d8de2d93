package cn.rdfund.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One expert's scores (0–100 per criterion) and their weighted total. */
public final class ScoreSheet {

    static final int MIN_SCORE = 0;
    static final int MAX_SCORE = 100;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ScoreSheet() {
    }

    /**
     * Everything wrong with the scores as entered, in words for the expert; empty when they are complete, whole
     * points and in range.
     */
    public static List<String> problems(List<ReviewCriterion> criteria, Map<String, ? extends Number> scores) {
        List<String> problems = new ArrayList<>();
        for (ReviewCriterion criterion : criteria) {
            Number entered = scores.get(criterion.key());
            BigDecimal score = entered == null ? null : new BigDecimal(entered.toString()).stripTrailingZeros();
            if (score == null) {
                problems.add("请为「" + criterion.name() + "」打分");
            } else if (score.scale() > 0) {
                problems.add("「" + criterion.name() + "」应为0到100之间的整数，填写的是" + score.toPlainString());
            } else if (score.compareTo(BigDecimal.valueOf(MIN_SCORE)) < 0 || score.compareTo(BigDecimal.valueOf(MAX_SCORE)) > 0) {
                problems.add("「" + criterion.name() + "」的分数应在0到100之间，实际为" + score.toPlainString());
            }
        }
        return problems;
    }

    /** Σ weight × score, two decimals; the weights must add up to 100 %. */
    public static BigDecimal weightedTotal(List<ReviewCriterion> criteria, Map<String, Integer> scores) {
        int weights = criteria.stream().mapToInt(ReviewCriterion::weightPercent).sum();
        if (weights != 100) {
            throw new IllegalArgumentException("评审指标权重合计应为100%，实际为" + weights + "%");
        }
        List<String> problems = problems(criteria, scores);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (ReviewCriterion criterion : criteria) {
            sum = sum.add(BigDecimal.valueOf((long) criterion.weightPercent() * scores.get(criterion.key())));
        }
        return sum.divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
