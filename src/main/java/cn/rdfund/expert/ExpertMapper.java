package cn.rdfund.expert;

import java.util.Collection;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface ExpertMapper {

    @Mapping(target = "collaboratorOrganizationIds", source = "collaborators")
    ExpertDto toDto(Expert expert);

    default List<String> fieldNames(Collection<Expert.ExpertField> fields) {
        return fields.stream().map(Expert.ExpertField::field).sorted().toList();
    }

    default List<Long> organizationIds(Collection<Expert.ExpertCollaborator> collaborators) {
        return collaborators.stream().map(Expert.ExpertCollaborator::organizationId).sorted().toList();
    }
}
