package cn.rdfund.audit;

import cn.rdfund.system.security.CamundaUser;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Case search and timelines for auditors, finance and administrators (every case) and program managers (their
 * own unit's cases; others answer 404 as if they did not exist). Timelines download as CSV or XLSX.
 */
@RestController
@RequestMapping("/api/audit/cases")
class CaseResource {

    private final CaseIndex index;
    private final CaseAccess access;
    private final CaseTimeline timeline;
    private final CaseReportPdf reports;
    private final CaseReports register;

    CaseResource(CaseIndex index, CaseAccess access, CaseTimeline timeline, CaseReportPdf reports,
            CaseReports register) {
        this.index = index;
        this.access = access;
        this.timeline = timeline;
        this.reports = reports;
        this.register = register;
    }

    @GetMapping
    List<AuditCase> search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String district,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean funded,
            @RequestParam(required = false) String area, @AuthenticationPrincipal CamundaUser user) {
        return index.search(access.restrict(user, new CaseSearch(q, kind, measure, district, year, null, funded,
                area)));
    }

    record CaseView(AuditCase auditCase, List<TimelineEvent> timeline, List<String> anomalies) {
    }

    @GetMapping("/{kind}/{id}")
    CaseView get(@PathVariable String kind, @PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        AuditCase found = visible(kind, id, user);
        List<TimelineEvent> events = timeline.of(found);
        return new CaseView(found, events, timeline.anomalies(found, events));
    }

    @GetMapping("/{kind}/{id}/timeline.{format:csv|xlsx}")
    ResponseEntity<byte[]> export(@PathVariable String kind, @PathVariable long id, @PathVariable String format,
            @AuthenticationPrincipal CamundaUser user) {
        AuditCase found = visible(kind, id, user);
        return AuditExports.timeline(found, timeline.of(found)).download(format, "timeline-" + kind + "-" + id);
    }

    /**
     * The printable report as PDF, with the ledger's verification for those who may verify it; the SHA-256 printed in
     * the report comes back as {@code X-Report-Content-SHA256}. Every report handed out is registered with the file
     * ({@link CaseReports}), so that it can be checked later; asked for again within minutes, the same one is handed out.
     */
    @GetMapping("/{kind}/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String kind, @PathVariable long id,
            @AuthenticationPrincipal CamundaUser user) {
        AuditCase found = visible(kind, id, user);
        CaseReportPdf.Report report = register.recentFor(found, user.id()).orElseGet(() -> {
            List<TimelineEvent> events = timeline.of(found);
            String requester = timeline.names(Set.of(user.id())).getOrDefault(user.id(), user.id());
            CaseReportPdf.Report made = reports.render(found, events, timeline.anomalies(found, events), requester,
                    access.unitsOf(user).isEmpty());
            register.register(found, made, user.id());
            return made;
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("report-" + kind + "-" + id + ".pdf").build().toString())
                .header("X-Report-Content-SHA256", report.contentSha256())
                .header("X-Content-SHA256", report.fileSha256()).body(report.pdf());
    }

    private AuditCase visible(String kind, long id, CamundaUser user) {
        return index.find(kind, id).filter(found -> access.mayOpen(user, found))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个案件，或无权查看"));
    }
}
