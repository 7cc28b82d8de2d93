package cn.rdfund.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingCalendarTest {

    private static final WorkingCalendar NO_HOLIDAYS = new WorkingCalendar(Set.of(), Set.of());

    /** China's 2025 National Day and Mid-Autumn holiday, with its two 调休 workdays. */
    private static final WorkingCalendar NATIONAL_DAY_2025 = new WorkingCalendar(
            Stream.iterate(LocalDate.of(2025, 10, 1), day -> day.plusDays(1)).limit(8).collect(Collectors.toSet()),
            Set.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11)));

    @Test
    void countsFromTheDayAfterTheStartAndSkipsTheWeekend() {
        assertThat(NO_HOLIDAYS.addWorkingDays(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(NO_HOLIDAYS.addWorkingDays(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void oneWorkingDayAfterAFridayIsTheMonday() {
        assertThat(NO_HOLIDAYS.addWorkingDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void skipsTheNationalDayHolidayAndCountsTheSaturdayWorkdayAfterIt() {
        // 10-01..10-08 holiday; then Thu 09, Fri 10, Sat 11 (调休), Mon 13, Tue 14
        assertThat(NATIONAL_DAY_2025.addWorkingDays(LocalDate.of(2025, 9, 30), 5))
                .isEqualTo(LocalDate.of(2025, 10, 14));
    }

    @Test
    void countsTheSundayWorkdayBeforeTheHoliday() {
        assertThat(NATIONAL_DAY_2025.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(NATIONAL_DAY_2025.addWorkingDays(LocalDate.of(2025, 9, 26), 1)).isEqualTo(LocalDate.of(2025, 9, 28));
    }

    @Test
    void anExtraWorkdaySaturdayCountsButAnOrdinarySaturdayDoesNot() {
        assertThat(NATIONAL_DAY_2025.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(NATIONAL_DAY_2025.isWorkingDay(LocalDate.of(2025, 10, 18))).isFalse();
        assertThat(NATIONAL_DAY_2025.addWorkingDays(LocalDate.of(2025, 10, 10), 1))
                .isEqualTo(LocalDate.of(2025, 10, 11));
    }

    @Test
    void aHolidayOnAWeekdayIsNotAWorkingDay() {
        assertThat(NATIONAL_DAY_2025.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(NO_HOLIDAYS.isWorkingDay(LocalDate.of(2025, 10, 8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesAPeriodOfLessThanOneDay(int days) {
        assertThatThrownBy(() -> NO_HOLIDAYS.addWorkingDays(LocalDate.of(2026, 11, 20), days))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("工作日天数必须大于0: " + days);
    }
}
