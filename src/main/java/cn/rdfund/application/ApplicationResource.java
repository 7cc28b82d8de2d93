package cn.rdfund.application;

import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.system.ListPage;
import cn.rdfund.system.security.CamundaUser;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Applications. Program managers, auditors and admins see all of them; an applicant sees only the
 * applications of the organization it acts for ({@link OrganizationAccess}).
 */
@RestController
@RequestMapping("/api/applications")
class ApplicationResource {

    private final ApplicationRepository applications;
    private final OrganizationAccess access;
    private final ApplicationMapper mapper;

    ApplicationResource(ApplicationRepository applications, OrganizationAccess access, ApplicationMapper mapper) {
        this.applications = applications;
        this.access = access;
        this.mapper = mapper;
    }

    /** The applications the user may read (of one call, or all), newest first, a page at a time. */
    @GetMapping
    List<ApplicationDto> list(@RequestParam(required = false) Long callId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal CamundaUser user) {
        ListPage wanted = ListPage.of(page, size);
        OrganizationAccess.ListScope scope = access.listScope(user);
        if (scope.nothing()) {
            return List.of();
        }
        return applications.page(scope.everything(), scope.leadUnitsForSql(), scope.organizationIdForSql(), callId,
                        wanted.size(), wanted.offset()).stream()
                .filter(visibleTo(user))
                .map(mapper::toDto)
                .toList();
    }

    @GetMapping("/{id}")
    ApplicationDto get(@PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        return applications.findById(id).filter(visibleTo(user)).map(mapper::toDto)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "申报不存在: " + id));
    }

    private Predicate<Application> visibleTo(CamundaUser user) {
        OrganizationAccess.Readable readable = access.readableBy(user);
        return application -> readable.test(application.applicantId(), application.processInstanceId());
    }
}
