package cn.rdfund.audit;

import cn.rdfund.system.InvalidInputException;
import cn.rdfund.system.security.CamundaUser;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 报告核验: a PDF case report shown later is checked against the register by the hash printed in it or the file's,
 * and its original downloaded. Only reports of cases the caller may open are found.
 */
@RestController
@RequestMapping("/api/audit/reports")
class ReportResource {

    private final CaseReports reports;
    private final CaseIndex index;
    private final CaseAccess access;
    private final CaseTimeline timeline;

    ReportResource(CaseReports reports, CaseIndex index, CaseAccess access, CaseTimeline timeline) {
        this.reports = reports;
        this.index = index;
        this.access = access;
        this.timeline = timeline;
    }

    /** {@code matched}: content (the hash printed in the report) or file (the PDF file's own hash). */
    record IssuedReport(long id, String caseKind, String caseKindLabel, long caseId, String caseCode, String caseTitle,
            LocalDateTime generatedAt, String generatedBy, String contentSha256, String fileSha256, String matched) {
    }

    @GetMapping
    List<IssuedReport> verify(@RequestParam String sha256, @AuthenticationPrincipal CamundaUser user) {
        String hex = CaseReports.normalized(sha256).orElseThrow(() -> new InvalidInputException(
                "「摘要」（sha256）：请输入报告上的摘要或文件的 SHA-256（至少" + CaseReports.SHORTEST_PREFIX + "位十六进制字符）"));
        return views(reports.withHash(hex), user);
    }

    @GetMapping("/{id}/original.pdf")
    ResponseEntity<byte[]> original(@PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        IssuedReport issued = reports.find(id).flatMap(found -> views(List.of(found), user).stream().findFirst())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份报告，或无权查看"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("report-" + issued.caseKind() + "-" + issued.caseId() + "-original-" + id + ".pdf")
                        .build().toString())
                .header("X-Content-SHA256", issued.fileSha256())
                .body(reports.original(id).orElseThrow());
    }

    private List<IssuedReport> views(List<CaseReports.Issued> found, CamundaUser user) {
        Map<String, String> names = timeline.names(found.stream().map(CaseReports.Issued::generatedBy)
                .collect(Collectors.toSet()));
        return found.stream().flatMap(issued -> visibleCase(issued, user).map(auditCase -> new IssuedReport(
                issued.id(), issued.caseKind(), auditCase.kindLabel(), issued.caseId(), issued.caseCode(),
                issued.caseTitle(), issued.generatedAt(), names.getOrDefault(issued.generatedBy(), issued.generatedBy()),
                issued.contentSha256(), issued.fileSha256(), issued.matched())).stream()).toList();
    }

    private Optional<AuditCase> visibleCase(CaseReports.Issued issued, CamundaUser user) {
        return index.find(issued.caseKind(), issued.caseId()).filter(found -> access.mayOpen(user, found));
    }
}
