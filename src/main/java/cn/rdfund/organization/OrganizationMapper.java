package cn.rdfund.organization;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface OrganizationMapper {

    @Mapping(target = "kindName", expression = "java(organization.kind().displayName())")
    @Mapping(target = "districtName",
            expression = "java(organization.district() == null ? null : organization.district().displayName())")
    OrganizationDto toDto(Organization organization);
}
