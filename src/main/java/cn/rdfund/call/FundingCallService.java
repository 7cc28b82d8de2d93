package cn.rdfund.call;

import cn.rdfund.policy.LeadUnit;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes and closes calls. Both are safe to run twice: a retried job finds its own earlier work. */
@Service
public class FundingCallService {

    static final String PUBLISHED = "PUBLISHED";
    static final String CLOSED = "CLOSED";
    private static final LocalTime WINDOW_CLOSES_AT = LocalTime.of(23, 59, 59);

    private final FundingCallRepository calls;
    private final Clock clock;

    FundingCallService(FundingCallRepository calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Transactional
    public FundingCall publish(CallDraft draft, String processInstanceId, String publishedBy) {
        return calls.findByProcessInstanceId(processInstanceId).orElseGet(() -> calls.save(new FundingCall(null,
                code(draft, processInstanceId), draft.title(), draft.measure(), LeadUnit.KJJ.name(),
                Objects.requireNonNull(draft.totalBudget()), Objects.requireNonNull(draft.projectCap()),
                draft.opensOn().atStartOfDay(), draft.closesOn().atTime(WINDOW_CLOSES_AT), PUBLISHED,
                processInstanceId, publishedBy, LocalDateTime.now(clock),
                draft.areas().stream().map(FundingCall.Area::new).collect(Collectors.toSet()))));
    }

    /** The call this process instance published (not whatever id a variable holds). */
    public FundingCall ofProcess(String processInstanceId) {
        return calls.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("流程实例没有发布指南: " + processInstanceId));
    }

    @Transactional
    public FundingCall closeOf(String processInstanceId) {
        return changeStatusOf(processInstanceId, CLOSED);
    }

    /** Marks the call of this process instance CLOSED, NO_FUNDABLE or DECIDED; unchanged if it already is. */
    @Transactional
    public FundingCall changeStatusOf(String processInstanceId, String status) {
        FundingCall call = ofProcess(processInstanceId);
        return status.equals(call.status()) ? call : calls.save(call.withStatus(status));
    }

    /** The window's end as the timer needs it: an ISO date-time with Shenyang's offset. */
    public String closesAtForTimer(FundingCall call) {
        return call.closesAt().atZone(clock.getZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String code(CallDraft draft, String processInstanceId) {
        return "ZN" + draft.opensOn().getYear() + "-" + processInstanceId.replace("-", "").substring(0, 8)
                .toUpperCase(Locale.ROOT);
    }
}
