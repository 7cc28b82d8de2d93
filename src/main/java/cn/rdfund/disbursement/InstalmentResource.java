package cn.rdfund.disbursement;

import cn.rdfund.money.Wan;
import cn.rdfund.organization.OrganizationAccess;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.system.security.CamundaUser;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A project's instalment plan: what each instalment is, what releases it, and the amount. */
@RestController
class InstalmentResource {

    private final Instalments instalments;
    private final ProjectRepository projects;
    private final OrganizationAccess access;

    InstalmentResource(Instalments instalments, ProjectRepository projects, OrganizationAccess access) {
        this.instalments = instalments;
        this.projects = projects;
        this.access = access;
    }

    @GetMapping("/api/projects/{id}/instalments")
    List<InstalmentDto> of(@PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        Project project = projects.findById(id)
                .filter(p -> access.readableBy(user).test(p.organizationId(), p.processInstanceId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "项目不存在: " + id));
        return instalments.of(project.id()).stream().map(i -> new InstalmentDto(i.seq(), i.percent(), i.releasedBy(),
                ReleaseEvent.label(i.releasedBy()), i.amount(), Wan.format(i.amount()))).toList();
    }

    record InstalmentDto(int seq, int percent, String releasedBy, String releasedByLabel, BigDecimal amount,
            String amountDisplay) {
    }
}
