package cn.rdfund.organization;

import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.Groups;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/organizations")
class OrganizationResource {

    private final OrganizationRepository organizations;
    private final OrganizationService service;
    private final OrganizationMapper mapper;

    OrganizationResource(OrganizationRepository organizations, OrganizationService service,
            OrganizationMapper mapper) {
        this.organizations = organizations;
        this.service = service;
        this.mapper = mapper;
    }

    @GetMapping
    List<OrganizationDto> list() {
        return organizations.findAllByOrderByName().stream().map(mapper::toDto).toList();
    }

    @GetMapping("/{id}")
    OrganizationDto get(@PathVariable long id) {
        return organizations.findById(id).map(mapper::toDto)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "单位不存在: " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationDto register(@Valid @RequestBody RegisterOrganizationRequest request,
            @AuthenticationPrincipal CamundaUser user) {
        return mapper.toDto(service.register(request, user.id(), user.groupIds().contains(Groups.APPLICANTS)));
    }
}
