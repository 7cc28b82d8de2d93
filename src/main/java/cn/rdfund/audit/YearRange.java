package cn.rdfund.audit;

import java.time.LocalDateTime;
import java.util.List;

/** A calendar year as a range of a date-time column, so that the column's index can serve it (not YEAR(column)). */
final class YearRange {

    private YearRange() {
    }

    /** The SQL condition (" AND column in the year"), its two bounds added to {@code params}. */
    static String of(String column, int year, List<Object> params) {
        params.add(LocalDateTime.of(year, 1, 1, 0, 0));
        params.add(LocalDateTime.of(year + 1, 1, 1, 0, 0));
        return " AND " + column + " >= ? AND " + column + " < ?";
    }
}
