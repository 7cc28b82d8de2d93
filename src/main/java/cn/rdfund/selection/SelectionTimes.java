package cn.rdfund.selection;

import cn.rdfund.calendar.NoticePeriod;
import cn.rdfund.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a call's public notice (公示) ends: at the
 * end of the N-th working day after it starts (default 5), or, where a fixed period is configured (the demo
 * profile), that period from now. Public: expressions call it.
 */
@Component("selectionTimes")
public class SelectionTimes {

    private final Clock clock;
    private final WorkingCalendar calendar;
    private final String reviewRecheckInterval;
    private final NoticePeriod notice;

    SelectionTimes(Clock clock, WorkingCalendar calendar,
            @Value("${rdfund.selection.review-recheck-interval:PT24H}") String reviewRecheckInterval,
            @Value("${rdfund.selection.notice-working-days:5}") int noticeWorkingDays,
            @Value("${rdfund.selection.notice-period:#{null}}") Duration noticePeriod) {
        this.clock = clock;
        this.calendar = calendar;
        this.reviewRecheckInterval = reviewRecheckInterval;
        this.notice = new NoticePeriod(noticeWorkingDays, noticePeriod);
    }

    /**
     * Read only by calls and challenges of older model versions, still waiting in their recheck loop: their timer
     * fires at this interval until their last application has ended (docs/operations.md). The current models wait for
     * the message alone.
     */
    public String reviewRecheckInterval() {
        return reviewRecheckInterval;
    }

    /** Read by calls started before the models were told of settled applications: their timer still loops here. */
    public String reviewPollInterval() {
        return reviewRecheckInterval;
    }

    ZonedDateTime noticeEndsAt() {
        return notice.endsAt(ZonedDateTime.now(clock), calendar);
    }
}
