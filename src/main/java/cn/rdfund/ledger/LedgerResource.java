package cn.rdfund.ledger;

import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.system.security.CamundaUser;
import java.util.List;
import java.util.function.LongPredicate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only: money enters the ledger only through finance-approved process steps. An applicant reads
 * only its own organization's entries ({@link OrganizationAccess}).
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerResource {

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

    /** Recomputes the hash chain over the whole ledger (auditors, finance, admins; see SecurityConfiguration). */
    @GetMapping("/verify")
    LedgerChain.Verification verify() {
        return chain.verify();
    }

    @GetMapping(params = "projectId")
    List<LedgerEntryDto> ofProject(@RequestParam long projectId, @AuthenticationPrincipal CamundaUser user) {
        return readable(entries.findByProjectIdOrderByIdAsc(projectId), user);
    }

    @GetMapping(params = "organizationId")
    List<LedgerEntryDto> ofOrganization(@RequestParam long organizationId, @AuthenticationPrincipal CamundaUser user) {
        return readable(entries.findByOrganizationIdOrderByIdAsc(organizationId), user);
    }

    private List<LedgerEntryDto> readable(List<LedgerEntry> found, CamundaUser user) {
        LongPredicate readable = access.readableBy(user);
        return found.stream().filter(e -> readable.test(e.organizationId())).map(mapper::toDto).toList();
    }
}
