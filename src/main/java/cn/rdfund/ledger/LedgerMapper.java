package cn.rdfund.ledger;

import cn.rdfund.money.Wan;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(imports = Wan.class)
public interface LedgerMapper {

    @Mapping(target = "kindName", expression = "java(entry.kind().displayName())")
    @Mapping(target = "amountDisplay", expression = "java(Wan.format(entry.amount()))")
    LedgerEntryDto toDto(LedgerEntry entry);
}
