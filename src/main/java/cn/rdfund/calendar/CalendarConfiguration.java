package cn.rdfund.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working calendar from configuration: {@code rdfund.calendar.holidays} (public holidays on weekdays)
 * and {@code rdfund.calendar.extra-workdays} (调休: weekend days that are worked), as the State Council
 * publishes them each year.
 */
@Configuration
class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(@Value("${rdfund.calendar.holidays:}") String holidays,
            @Value("${rdfund.calendar.extra-workdays:}") String extraWorkdays) {
        return new WorkingCalendar(dates(holidays), dates(extraWorkdays));
    }

    /** Comma-separated ISO dates, e.g. "2026-10-01,2026-10-02". */
    private static Set<LocalDate> dates(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(LocalDate::parse)
                .collect(Collectors.toSet());
    }
}
