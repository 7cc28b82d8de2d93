package cn.rdfund.claim;

import cn.rdfund.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAmount;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a claim's public notice (公示) ends (the end of the N-th working day, or a fixed period where one is
 * configured, as in the demo), and when each instalment of a multi-year award falls due (the first at once,
 * each later one an interval after the previous). Public: the claim process's timers call it.
 */
@Component("claimTimes")
public class ClaimTimes {

    private static final LocalTime DAY_ENDS = LocalTime.of(23, 59, 59);

    private final Clock clock;
    private final WorkingCalendar calendar;
    private final ClaimService claims;
    private final int noticeWorkingDays;
    private final Duration noticePeriod;
    private final TemporalAmount instalmentInterval;

    ClaimTimes(Clock clock, WorkingCalendar calendar, ClaimService claims,
            @Value("${rdfund.claims.notice-working-days:5}") int noticeWorkingDays,
            @Value("${rdfund.claims.notice-period:#{null}}") Duration noticePeriod,
            @Value("${rdfund.claims.instalment-interval:P1Y}") String instalmentInterval) {
        this.clock = clock;
        this.calendar = calendar;
        this.claims = claims;
        this.noticeWorkingDays = noticeWorkingDays;
        this.noticePeriod = noticePeriod;
        this.instalmentInterval = instalmentInterval.contains("T")
                ? Duration.parse(instalmentInterval) : Period.parse(instalmentInterval);
    }

    ZonedDateTime noticeEndsAt() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (noticePeriod != null) {
            return now.plus(noticePeriod);
        }
        LocalDate lastDay = calendar.addWorkingDays(now.toLocalDate(), noticeWorkingDays);
        return lastDay.atTime(DAY_ENDS).atZone(clock.getZone());
    }

    /** The due time of the instalment the execution is about to pay, as the timer reads it (ISO 8601). */
    public String instalmentDue(DelegateExecution execution) {
        int seq = ((Number) execution.getVariable("instalmentSeq")).intValue();
        LocalDateTime due = claims.get(PolicyClaimProcess.claimId(execution)).awardedAt();
        for (int i = 1; i < seq; i++) {
            due = due.plus(instalmentInterval);
        }
        return forTimer(due.atZone(clock.getZone()));
    }

    static String forTimer(ZonedDateTime at) {
        return at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
