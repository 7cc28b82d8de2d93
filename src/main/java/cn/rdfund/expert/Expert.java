package cn.rdfund.expert;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member of the review pool: a Camunda user with an institution, technical fields and the
 * organizations they declared working with (both matter for conflicts of interest).
 */
@Table("expert")
public record Expert(
        @Id Long id,
        String userId,
        String name,
        Long organizationId,
        String title,
        boolean active,
        @MappedCollection(idColumn = "expert_id") Set<ExpertField> fields,
        @MappedCollection(idColumn = "expert_id") Set<ExpertCollaborator> collaborators) {

    @Table("expert_field")
    public record ExpertField(String field) {
    }

    @Table("expert_collaborator")
    public record ExpertCollaborator(Long organizationId) {
    }
}
