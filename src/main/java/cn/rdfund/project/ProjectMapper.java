package cn.rdfund.project;

import cn.rdfund.money.Wan;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(imports = Wan.class)
public interface ProjectMapper {

    @Mapping(target = "approvedAmountDisplay", expression = "java(Wan.format(project.approvedAmount()))")
    ProjectDto toDto(Project project);

    ProjectDto.MilestoneDto toDto(Project.Milestone milestone);

    default List<ProjectDto.MilestoneDto> milestonesInOrder(Collection<Project.Milestone> milestones) {
        return milestones.stream().sorted(Comparator.comparingInt(Project.Milestone::seq)).map(this::toDto).toList();
    }
}
