package cn.rdfund.expert;

import java.util.List;

public record ExpertDto(
        Long id,
        String userId,
        String name,
        Long organizationId,
        String title,
        boolean active,
        List<String> fields,
        List<Long> collaboratorOrganizationIds) {
}
