package cn.rdfund.organization;

import cn.rdfund.system.ConflictException;

public class OrganizationAlreadyRegisteredException extends ConflictException {

    public OrganizationAlreadyRegisteredException(Organization existing) {
        super("统一社会信用代码 " + existing.uscc() + " 已登记为「" + existing.name() + "」");
    }
}
