package cn.rdfund.audit;

import java.time.Duration;
import java.time.Instant;

/** How late a task was done (or still is), in the largest whole unit: 逾期 3 天, 逾期 5 小时, 逾期 20 分钟. */
final class Lateness {

    static final String PREFIX = "逾期 ";

    private Lateness() {
    }

    static String of(Instant due, Instant doneOrNow) {
        Duration late = Duration.between(due, doneOrNow);
        if (late.toDays() > 0) {
            return PREFIX + late.toDays() + " 天";
        }
        if (late.toHours() > 0) {
            return PREFIX + late.toHours() + " 小时";
        }
        return PREFIX + Math.max(1, late.toMinutes()) + " 分钟";
    }
}
