package cn.rdfund.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How late a task was done (or still is), in the largest whole unit: 逾期 3 天, 逾期 5 小时, 逾期 20 分钟. Less than a
 * minute is not late: a deadline's job runs a few seconds after it.
 */
final class Lateness {

    static final String PREFIX = "逾期 ";

    private Lateness() {
    }

    static Optional<String> of(Instant due, Instant doneOrNow) {
        Duration late = Duration.between(due, doneOrNow);
        if (late.toMinutes() < 1) {
            return Optional.empty();
        }
        if (late.toDays() > 0) {
            return Optional.of(PREFIX + late.toDays() + " 天");
        }
        if (late.toHours() > 0) {
            return Optional.of(PREFIX + late.toHours() + " 小时");
        }
        return Optional.of(PREFIX + late.toMinutes() + " 分钟");
    }
}
