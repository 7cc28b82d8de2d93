package cn.rdfund.organization;

public class OrganizationAlreadyRegisteredException extends RuntimeException {

    public OrganizationAlreadyRegisteredException(Organization existing) {
        super("统一社会信用代码 " + existing.uscc() + " 已登记为「" + existing.name() + "」");
    }
}
