package cn.rdfund.call;

import cn.rdfund.bureau.LeadUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes and closes calls. Both are safe to run twice: a retried job finds its own earlier work. */
@Service
public class FundingCallService {

    static final String PUBLISHED = "PUBLISHED";
    static final String CLOSED = "CLOSED";
    static final String DRAFT = "DRAFT";
    /** 揭榜挂帅 (P1.1c). */
    public static final String CHALLENGE_MEASURE = "P1.1c";
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
                processInstanceId, publishedBy, LocalDateTime.now(clock), null,
                draft.areas().stream().map(FundingCall.Area::new).collect(Collectors.toSet()))));
    }

    /**
     * A 揭榜挂帅 challenge as a call of measure P1.1c owned by the 发榜方, written once per process instance; a DRAFT
     * (no window yet) until the program manager publishes it.
     */
    @Transactional
    public FundingCall registerChallenge(String title, long ownerOrganizationId, BigDecimal perTeam, int teams,
            Set<String> areas, LocalDate solveBy, String processInstanceId, String createdBy) {
        return calls.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            LocalDateTime now = LocalDateTime.now(clock);
            return calls.save(new FundingCall(null, "JB" + now.getYear() + "-" + shortId(processInstanceId), title,
                    CHALLENGE_MEASURE, LeadUnit.KJJ.name(), perTeam.multiply(BigDecimal.valueOf(teams)), perTeam, now,
                    solveBy.atTime(WINDOW_CLOSES_AT), DRAFT, processInstanceId, createdBy, now, ownerOrganizationId,
                    areas.stream().map(FundingCall.Area::new).collect(Collectors.toSet())));
        });
    }

    /** Opens a challenge's window (again, after 流标) from now to the end of {@code closesOn}. */
    @Transactional
    public FundingCall openChallenge(String processInstanceId, LocalDate closesOn, BigDecimal perTeam, int teams) {
        FundingCall call = ofProcess(processInstanceId);
        return calls.save(call.withWindow(LocalDateTime.now(clock), closesOn.atTime(WINDOW_CLOSES_AT), perTeam,
                perTeam.multiply(BigDecimal.valueOf(teams))));
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
        return "ZN" + draft.opensOn().getYear() + "-" + shortId(processInstanceId);
    }

    private static String shortId(String processInstanceId) {
        return processInstanceId.replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
