package cn.rdfund.claim;

import cn.rdfund.calendar.NoticePeriod;
import cn.rdfund.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a claim's public notice (公示) ends (the end of the N-th working day, or a fixed period where one is
 * configured, as in the demo), and when each instalment of a multi-year award falls due (the first at once,
 * each later one an interval after the previous). The claim process's timers ask through the bean {@code claimTimes}
 * ({@link PolicyClaimProcess.Times}).
 */
@Component("claimTimeService")
class ClaimTimes {

    private final Clock clock;
    private final WorkingCalendar calendar;
    private final ClaimService claims;
    private final NoticePeriod notice;
    private final TemporalAmount instalmentInterval;

    ClaimTimes(Clock clock, WorkingCalendar calendar, ClaimService claims,
            @Value("${rdfund.claims.notice-working-days:5}") int noticeWorkingDays,
            @Value("${rdfund.claims.notice-period:#{null}}") Duration noticePeriod,
            @Value("${rdfund.claims.instalment-interval:P1Y}") String instalmentInterval) {
        this.clock = clock;
        this.calendar = calendar;
        this.claims = claims;
        this.notice = new NoticePeriod(noticeWorkingDays, noticePeriod);
        this.instalmentInterval = instalmentInterval.contains("T")
                ? Duration.parse(instalmentInterval) : Period.parse(instalmentInterval);
    }

    ZonedDateTime noticeEndsAt() {
        return notice.endsAt(ZonedDateTime.now(clock), calendar);
    }

    /** The due time of the claim's instalment {@code seq} (1, 2, …), as a timer reads it (ISO 8601). */
    String instalmentDue(long claimId, int seq) {
        LocalDateTime due = claims.get(claimId).awardedAt();
        for (int i = 1; i < seq; i++) {
            due = due.plus(instalmentInterval);
        }
        return NoticePeriod.forTimer(due.atZone(clock.getZone()));
    }
}
