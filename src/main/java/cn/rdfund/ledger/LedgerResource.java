package cn.rdfund.ledger;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: money enters the ledger only through finance-approved process steps. */
@RestController
@RequestMapping("/api/ledger")
class LedgerResource {

    private final LedgerRepository entries;
    private final LedgerMapper mapper;

    LedgerResource(LedgerRepository entries, LedgerMapper mapper) {
        this.entries = entries;
        this.mapper = mapper;
    }

    @GetMapping(params = "projectId")
    List<LedgerEntryDto> ofProject(@RequestParam long projectId) {
        return entries.findByProjectIdOrderByIdAsc(projectId).stream().map(mapper::toDto).toList();
    }

    @GetMapping(params = "organizationId")
    List<LedgerEntryDto> ofOrganization(@RequestParam long organizationId) {
        return entries.findByOrganizationIdOrderByIdAsc(organizationId).stream().map(mapper::toDto).toList();
    }
}
