package cn.rdfund.ledger;

import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.system.ListPage;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.Groups;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money enters the ledger only through finance-approved process steps. An applicant reads only its own
 * organization's entries ({@link OrganizationAccess}). The one write: an administrator sealing rows that have no seal.
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerResource {

    private static final Logger log = LoggerFactory.getLogger(LedgerResource.class);

    private final LedgerRepository entries;
    private final LedgerMapper mapper;
    private final OrganizationAccess access;
    private final LedgerChain chain;

    LedgerResource(LedgerRepository entries, LedgerMapper mapper, OrganizationAccess access, LedgerChain chain) {
        this.entries = entries;
        this.mapper = mapper;
        this.access = access;
        this.chain = chain;
    }

    /** Checks every seal, the chain head and the checkpoints (auditors, finance, admins; see SecurityConfiguration). */
    @GetMapping("/verify")
    LedgerChain.Verification verify() {
        return chain.verify();
    }

    /** The rows an administrator has checked against the payment records and seals now (ids from verify). */
    record SealRequest(List<Long> entryIds) {
    }

    /**
     * Seals ledger rows that have no seal — after the upgrade to keyed seals, or rows found written around the ledger
     * and checked. Administrators only (never auditors); the seals name who sealed and when, verify lists them.
     */
    @PostMapping("/seal-unsealed")
    ResponseEntity<?> sealUnsealed(@RequestBody SealRequest request, @AuthenticationPrincipal CamundaUser user) {
        if (user == null || !user.groupIds().contains(Groups.ADMINS) || user.groupIds().contains(Groups.AUDITORS)) {
            return problem(HttpStatus.FORBIDDEN, "无权操作", "只有系统管理员可以补封台账记录");
        }
        LedgerChain.Sealing sealing = chain.sealUnsealed(request.entryIds(), user.id());
        log.warn("管理员{}补封了{}条没有封存的台账记录 {}：第{}–{}条封存，密钥“{}”", sealing.sealedBy(), sealing.entryIds().size(),
                sealing.entryIds(), sealing.firstSeq(), sealing.lastSeq(), sealing.keyId());
        return ResponseEntity.ok(sealing);
    }

    @ExceptionHandler(SealingRefused.class)
    ResponseEntity<ProblemDetail> refused(SealingRefused e) {
        return problem(HttpStatus.CONFLICT, "不能补封", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    @GetMapping(params = "projectId")
    List<LedgerEntryDto> ofProject(@RequestParam long projectId, @AuthenticationPrincipal CamundaUser user) {
        return readable(entries.findByProjectIdOrderByIdAsc(projectId), user);
    }

    /** One organization's entries, newest first, a page at a time ({@code &page=0&size=50}). */
    @GetMapping(params = "organizationId")
    List<LedgerEntryDto> ofOrganization(@RequestParam long organizationId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal CamundaUser user) {
        ListPage wanted = ListPage.of(page, size);
        return readable(entries.pageOfOrganization(organizationId, wanted.size(), wanted.offset()), user);
    }

    private List<LedgerEntryDto> readable(List<LedgerEntry> found, CamundaUser user) {
        OrganizationAccess.Readable readable = access.readableBy(user);
        return found.stream().filter(e -> readable.test(e.organizationId(), e.processInstanceId())).map(mapper::toDto)
                .toList();
    }
}
