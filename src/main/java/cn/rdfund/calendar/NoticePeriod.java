package cn.rdfund.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How long a public notice (公示) lasts: to the end of the N-th working day after it starts, or, where a fixed
 * period is configured (the demo profile), that period from now. Used by the notice of a call's final list and of
 * an award claim.
 */
public record NoticePeriod(int workingDays, Duration fixed) {

    private static final LocalTime DAY_ENDS = LocalTime.of(23, 59, 59);

    public ZonedDateTime endsAt(ZonedDateTime now, WorkingCalendar calendar) {
        if (fixed != null) {
            return now.plus(fixed);
        }
        LocalDate lastDay = calendar.addWorkingDays(now.toLocalDate(), workingDays);
        return lastDay.atTime(DAY_ENDS).atZone(now.getZone());
    }

    /** A moment as a BPMN timer's timeDate reads it (ISO 8601 with the offset). */
    public static String forTimer(ZonedDateTime at) {
        return at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
