package cn.rdfund.project;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/projects")
class ProjectResource {

    private final ProjectRepository projects;
    private final ProjectMapper mapper;

    ProjectResource(ProjectRepository projects, ProjectMapper mapper) {
        this.projects = projects;
        this.mapper = mapper;
    }

    @GetMapping
    List<ProjectDto> list() {
        return projects.findAllByOrderByCode().stream().map(mapper::toDto).toList();
    }

    @GetMapping("/{id}")
    ProjectDto get(@PathVariable long id) {
        return projects.findById(id).map(mapper::toDto)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "项目不存在: " + id));
    }
}
