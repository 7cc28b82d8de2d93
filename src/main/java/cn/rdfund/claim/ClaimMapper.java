package cn.rdfund.claim;

import cn.rdfund.money.Wan;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(imports = Wan.class)
interface ClaimMapper {

    @Mapping(target = "referenceDate", source = "claim.facts.referenceDate")
    @Mapping(target = "otherAwardDisplay", expression = "java(Wan.format(claim.otherAward()))")
    @Mapping(target = "calculatedDisplay",
            expression = "java(claim.calculatedAmount() == null ? null : Wan.format(claim.calculatedAmount()))")
    @Mapping(target = "payableDisplay",
            expression = "java(claim.payableAmount() == null ? null : Wan.format(claim.payableAmount()))")
    @Mapping(target = "opinions", source = "opinions")
    ClaimDto toDto(PolicyClaim claim, List<ClaimOpinion> opinions);

    ClaimDto.Opinion toDto(ClaimOpinion opinion);
}
