package cn.rdfund.claim;

import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.system.ListPage;
import cn.rdfund.system.security.CamundaUser;
import java.util.List;
import java.nio.charset.StandardCharsets;
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
 * Claims (申领) under the award measures. Program managers, finance, auditors and admins see all of them; a
 * claimant sees only its own organization's ({@link OrganizationAccess}).
 */
@RestController
@RequestMapping("/api/claims")
class ClaimResource {

    private final ClaimService claims;
    private final OrganizationAccess access;
    private final ClaimMapper mapper;

    ClaimResource(ClaimService claims, OrganizationAccess access, ClaimMapper mapper) {
        this.claims = claims;
        this.access = access;
        this.mapper = mapper;
    }

    /** The claims the user may read, newest first, a page at a time ({@code ?page=0&size=50}). */
    @GetMapping
    List<ClaimDto> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal CamundaUser user) {
        OrganizationAccess.Readable readable = access.readableBy(user);
        return claims.page(access.listScope(user), ListPage.of(page, size)).stream()
                .filter(claim -> readable.test(claim.organizationId(), claim.processInstanceId()))
                .map(claim -> toDto(claim, user)).toList();
    }

    @GetMapping("/{id}")
    ClaimDto get(@PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        OrganizationAccess.Readable readable = access.readableBy(user);
        return claims.find(id).filter(claim -> readable.test(claim.organizationId(), claim.processInstanceId()))
                .map(claim -> toDto(claim, user))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "申领不存在: " + id));
    }

    /** The 学员名册 to fill in for a claim paid per graduate (P6.3): the header row the roster is read by. */
    @GetMapping("/trainee-roster-template.xlsx")
    ResponseEntity<byte[]> traineeRosterTemplate() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("学员名册模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(TraineeRoster.template());
    }

    /** The co-units' internal opinions are for the city's staff and auditors, not for the claimant. */
    private ClaimDto toDto(PolicyClaim claim, CamundaUser user) {
        return mapper.toDto(claim, access.readsEveryOrganization(user) ? claims.opinionsOf(claim.id()) : List.of());
    }
}
