package cn.rdfund.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A public notice ends at the end of its last working day, or after the fixed period the demo configures. */
class NoticePeriodTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of(), Set.of());
    private static final ZonedDateTime FRIDAY_NOON = ZonedDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

    @Test
    void fiveWorkingDaysFromAFridayEndOnTheNextFridayAtMidnight() {
        assertThat(new NoticePeriod(5, null).endsAt(FRIDAY_NOON, CALENDAR))
                .isEqualTo(ZonedDateTime.of(2026, 12, 4, 23, 59, 59, 0, ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void aFixedPeriodRunsFromNow() {
        assertThat(new NoticePeriod(5, Duration.ofMinutes(3)).endsAt(FRIDAY_NOON, CALENDAR))
                .isEqualTo(FRIDAY_NOON.plusMinutes(3));
        assertThat(NoticePeriod.forTimer(FRIDAY_NOON)).isEqualTo("2026-11-27T12:00:00+08:00");
    }
}
