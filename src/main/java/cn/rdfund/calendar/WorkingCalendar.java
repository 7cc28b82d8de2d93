package cn.rdfund.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, except public holidays, plus the weekend days the State
 * Council declares as workdays (调休) to make up for a long holiday.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkdays;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {
        this.holidays = Set.copyOf(holidays);
        this.extraWorkdays = Set.copyOf(extraWorkdays);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return !weekend || extraWorkdays.contains(date);
    }

    /**
     * The last day of a period of {@code days} working days that starts the day after {@code start}: a notice
     * published on Friday for 5 working days runs until the next Friday.
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("工作日天数必须大于0: " + days);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
