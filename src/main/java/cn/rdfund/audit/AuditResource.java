package cn.rdfund.audit;

import cn.rdfund.money.Wan;
import cn.rdfund.project.EnterpriseCommitments;
import cn.rdfund.system.security.CamundaUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The auditors' ledger view (read-only; auditors, finance and admins, see SecurityConfiguration): every payment and
 * recovery with the inputs of its calculation, totals per project, enterprise, measure and year, and an
 * enterprise's position against the per-enterprise cap of a measure group.
 */
@RestController
@RequestMapping("/api/audit")
class AuditResource {

    private static final int MAX_ACCESS_ROWS = 1000;
    private static final int MAX_LEDGER_LINES = 1000;

    private final LedgerReports reports;
    private final EnterpriseCommitments commitments;
    private final AccessRecords accessRecords;
    private final Dashboard dashboard;
    private final CaseAccess caseAccess;
    private final ProcessHistory history;
    private final Clock clock;

    AuditResource(LedgerReports reports, EnterpriseCommitments commitments, AccessRecords accessRecords, Dashboard dashboard,
            CaseAccess caseAccess, ProcessHistory history, Clock clock) {
        this.reports = reports;
        this.commitments = commitments;
        this.accessRecords = accessRecords;
        this.dashboard = dashboard;
        this.caseAccess = caseAccess;
        this.history = history;
        this.clock = clock;
    }

    /** Every unit's figures for auditors, finance and administrators; a program manager's unit's for them. */
    @GetMapping("/dashboard")
    Dashboard.Figures dashboard(@AuthenticationPrincipal CamundaUser user) {
        return dashboard.figures(LocalDate.now(clock), caseAccess.unitsOf(user));
    }

    /**
     * Who read or did what, in words, newest first (this request included): of one person, mentioning a case (its code
     * or a word of its title), between two dates.
     */
    @GetMapping("/access")
    List<AccessRecords.AccessRecord> access(@RequestParam(required = false) String userId,
            @RequestParam(required = false) String caseText,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "100") int limit) {
        return accessRecords.find(new AccessRecords.Filter(userId, caseText, from, to,
                Math.max(1, Math.min(limit, MAX_ACCESS_ROWS))));
    }

    /** The same records as a file. */
    @GetMapping("/access.{format:csv|xlsx}")
    ResponseEntity<byte[]> accessExport(@PathVariable String format, @RequestParam(required = false) String userId,
            @RequestParam(required = false) String caseText,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return AuditExports.access(accessRecords.find(new AccessRecords.Filter(userId, caseText, from, to,
                MAX_ACCESS_ROWS))).download(format, "access");
    }

    /** One page of the ledger lines the filters select, after entry {@code afterId}, with the selection's totals. */
    @GetMapping("/ledger")
    LedgerReport ledger(@RequestParam(required = false) Long projectId,
            @RequestParam(required = false) Long organizationId, @RequestParam(required = false) String measure,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") long afterId,
            @RequestParam(defaultValue = "200") int limit) {
        LedgerReport page = reports.page(new LedgerReports.Filter(projectId, organizationId, measure, year), afterId,
                Math.max(1, Math.min(limit, MAX_LEDGER_LINES)));
        return page.withApprovers(approverNames(page.lines()));
    }

    /** Every line the filters select, as a file (the page shows one page of them). */
    @GetMapping("/ledger.{format:csv|xlsx}")
    ResponseEntity<byte[]> ledgerExport(@PathVariable String format, @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) Long organizationId, @RequestParam(required = false) String measure,
            @RequestParam(required = false) Integer year) {
        List<LedgerLine> lines = reports.all(new LedgerReports.Filter(projectId, organizationId, measure, year));
        return AuditExports.ledger(lines, approverNames(lines)).download(format, "ledger");
    }

    /** The approvers of these lines by name ("钱财（finance）"), by user id. */
    private java.util.Map<String, String> approverNames(List<LedgerLine> lines) {
        return history.names(lines.stream().map(LedgerLine::approvedBy).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
    }

    record CapPosition(long organizationId, String measure, BigDecimal committed, BigDecimal room,
            String committedDisplay, String roomDisplay) {
    }

    /** What the enterprise holds in projects sharing the measure's enterprise cap, and what is left (P1.1: 1000万). */
    @GetMapping("/cap-position")
    CapPosition capPosition(@RequestParam long organizationId, @RequestParam(defaultValue = "P1.1a") String measure) {
        BigDecimal committed;
        BigDecimal room;
        try {
            committed = commitments.committed(organizationId, measure);
            room = commitments.room(organizationId, measure);
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "措施" + measure + "没有企业累计上限");
        }
        return new CapPosition(organizationId, measure, committed, room, Wan.format(committed), Wan.format(room));
    }
}
