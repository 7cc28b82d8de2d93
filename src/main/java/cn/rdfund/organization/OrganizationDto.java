package cn.rdfund.organization;

public record OrganizationDto(
        Long id,
        String uscc,
        String name,
        OrganizationKind kind,
        String kindName,
        District district,
        String districtName) {
}
