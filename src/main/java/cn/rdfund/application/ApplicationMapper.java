package cn.rdfund.application;

import cn.rdfund.money.Wan;
import java.util.Collection;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(imports = Wan.class)
public interface ApplicationMapper {

    @Mapping(target = "requestedAmountDisplay", expression = "java(Wan.format(application.requestedAmount()))")
    @Mapping(target = "coFundingAmountDisplay", expression = "java(Wan.format(application.coFundingAmount()))")
    @Mapping(target = "partnerIds", source = "partners")
    ApplicationDto toDto(Application application);

    default List<Long> partnerIds(Collection<Application.Partner> partners) {
        return partners.stream().map(Application.Partner::organizationId).sorted().toList();
    }
}
