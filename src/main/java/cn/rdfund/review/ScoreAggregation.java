package cn.rdfund.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Aggregates the weighted totals of a panel: drop one highest and one lowest review when there are at
 * least {@code trimFrom} valid reviews, plain mean otherwise; a spread (highest − lowest) above
 * {@code spreadLimit} sends the application to a consensus task.
 */
public final class ScoreAggregation {

    private ScoreAggregation() {
    }

    public static AggregatedScore aggregate(List<BigDecimal> totals, int trimFrom, BigDecimal spreadLimit) {
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("没有有效评审意见，无法汇总");
        }
        List<BigDecimal> sorted = new ArrayList<>(totals);
        Collections.sort(sorted);
        BigDecimal spread = sorted.get(sorted.size() - 1).subtract(sorted.get(0));
        boolean trimmed = sorted.size() >= trimFrom;
        List<BigDecimal> counted = trimmed ? sorted.subList(1, sorted.size() - 1) : sorted;
        BigDecimal sum = counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
        return new AggregatedScore(mean, spread, totals.size(), trimmed, spread.compareTo(spreadLimit) > 0);
    }
}
