package cn.rdfund.project;

import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.system.ListPage;
import cn.rdfund.system.security.CamundaUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Projects with their agreements; an applicant sees only its own organization's, a program manager those of their
 * unit's cases ({@link OrganizationAccess}).
 */
@RestController
@RequestMapping("/api/projects")
class ProjectResource {

    private final ProjectRepository projects;
    private final ProjectMapper mapper;
    private final OrganizationAccess access;

    ProjectResource(ProjectRepository projects, ProjectMapper mapper, OrganizationAccess access) {
        this.projects = projects;
        this.mapper = mapper;
        this.access = access;
    }

    /** The projects the user may read, newest first, a page at a time ({@code ?page=0&size=50}). */
    @GetMapping
    List<ProjectDto> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal CamundaUser user) {
        ListPage wanted = ListPage.of(page, size);
        OrganizationAccess.ListScope scope = access.listScope(user);
        if (scope.nothing()) {
            return List.of();
        }
        OrganizationAccess.Readable readable = access.readableBy(user);
        return projects.page(scope.everything(), scope.leadUnitsForSql(), scope.organizationIdForSql(),
                        wanted.size(), wanted.offset()).stream()
                .filter(p -> readable.test(p.organizationId(), p.processInstanceId()))
                .map(mapper::toDto).toList();
    }

    @GetMapping("/{id}")
    ProjectDto get(@PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        OrganizationAccess.Readable readable = access.readableBy(user);
        return projects.findById(id).filter(p -> readable.test(p.organizationId(), p.processInstanceId()))
                .map(mapper::toDto)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "项目不存在: " + id));
    }
}
