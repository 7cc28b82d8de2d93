package cn.rdfund.claim;

import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.system.ListPage;
import cn.rdfund.system.security.CamundaUser;
import java.util.List;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.system.security.Groups;
import cn.rdfund.system.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.PostMapping;
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
    private final ClaimCalculator calculator;
    private final OrganizationMembers members;
    private final Clock clock;
    private final AwardLists awardLists;

    ClaimResource(ClaimService claims, OrganizationAccess access, ClaimMapper mapper, ClaimCalculator calculator,
            OrganizationMembers members, Clock clock, AwardLists awardLists) {
        this.awardLists = awardLists;
        this.claims = claims;
        this.access = access;
        this.mapper = mapper;
        this.calculator = calculator;
        this.members = members;
        this.clock = clock;
    }

    /**
     * 政策计算器: the measures in force on {@code date} (today if none), the enterprise's claims under each that the
     * caller may read, and its room under the 1000万 cap. An applicant sees its own organization; a 处室, finance,
     * auditors and administrators name one ({@code organizationId}).
     */
    @GetMapping("/calculator")
    ClaimCalculator.Overview calculator(@RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) Long organizationId, @AuthenticationPrincipal CamundaUser user) {
        Optional<Long> own = members.organizationOf(user.id());
        boolean actsForItself = own.isPresent() || user.groupIds().contains(Groups.APPLICANTS);
        long organization;
        if (own.isPresent() && (organizationId == null || organizationId.equals(own.get()))) {
            organization = own.get();
        } else if (!actsForItself && organizationId != null && claims.organizationExists(organizationId)) {
            organization = organizationId;
        } else if (!actsForItself && organizationId == null) {
            throw new InvalidInputException("「单位」（organizationId）：请指定要试算的单位");
        } else {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个单位，或无权查看");
        }
        OrganizationAccess.Readable readable = access.readableBy(user);
        return calculator.overview(organization, date == null ? LocalDate.now(clock) : date,
                claim -> readable.test(claim.organizationId(), claim.processInstanceId()));
    }

    /**
     * 试算: what a claim with these values of the claim form would be given (measure, referenceDate and the facts the
     * measure asks for, as the form names them; for P6.3 headcount, the graduates expected to count).
     */
    @GetMapping("/estimate")
    ClaimCalculator.Estimate estimate(@RequestParam Map<String, String> values) {
        return calculator.estimate(values, LocalDate.now(clock));
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

    /**
     * 免申即享: the measure's lead unit imports an official list (Excel: 统一社会信用代码, 企业名称, 类别, 认定日期); each
     * registered enterprise gets a claim opened for it to confirm; every row's outcome is answered (and kept).
     */
    @PostMapping(path = "/award-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AwardLists.Imported> importAwardList(@RequestParam String measure,
            @RequestParam MultipartFile file, @AuthenticationPrincipal CamundaUser user) throws IOException {
        AwardLists.Imported imported = awardLists.importList(measure, file.getOriginalFilename() == null ? "名单.xlsx"
                : file.getOriginalFilename(), file.getBytes(), user);
        return ResponseEntity.status(imported.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(imported);
    }

    /** An import's result: for the measure's lead unit, auditors and administrators (it names other enterprises). */
    @GetMapping("/award-lists/{id}")
    AwardLists.Imported awardList(@PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        return awardLists.find(id, false).filter(imported -> awardLists.mayRead(imported, user))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份名单，或无权查看"));
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
