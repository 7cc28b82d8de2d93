package cn.rdfund.organization;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An enterprise, university, institute or hospital that applies for or takes part in funding. */
@Table("organization")
public record Organization(
        @Id Long id,
        String uscc,
        String name,
        OrganizationKind kind,
        District district,
        LocalDateTime createdAt) {
}
