package cn.rdfund.review;

/** One scoring criterion and its weight in percent (decision table ReviewCriteria). */
public record ReviewCriterion(String key, String name, int weightPercent) {

    public ReviewCriterion {
        if (weightPercent <= 0 || weightPercent > 100) {
            throw new IllegalArgumentException("评审指标权重应在1%到100%之间: " + name + " " + weightPercent);
        }
    }
}
