package cn.rdfund.organization;

public enum OrganizationKind {
    ENTERPRISE("企业"),
    UNIVERSITY("高校"),
    RESEARCH_INSTITUTE("科研院所"),
    HOSPITAL("医疗机构"),
    OTHER("其他");

    private final String displayName;

    OrganizationKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
