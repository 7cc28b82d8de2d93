package cn.rdfund.call;

import cn.rdfund.money.Wan;
import java.util.Collection;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(imports = Wan.class)
public interface CallMapper {

    @Mapping(target = "totalBudgetDisplay", expression = "java(Wan.format(call.totalBudget()))")
    @Mapping(target = "projectCapDisplay", expression = "java(Wan.format(call.projectCap()))")
    CallDto toDto(FundingCall call);

    default List<String> areaNames(Collection<FundingCall.Area> areas) {
        return areas.stream().map(FundingCall.Area::area).sorted().toList();
    }
}
