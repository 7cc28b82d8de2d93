package cn.rdfund.system.security;

import cn.rdfund.bureau.LeadUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles the engine API's allow-list speaks of, derived from a user's Camunda groups. */
enum Role {
    APPLICANT("申报单位"), EXPERT("评审专家"), STAFF("项目处室"), FINANCE("财务"), AUDITOR("审计"), ADMIN("系统管理员");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    /** The name used in security/allow-list.yaml, e.g. {@code staff}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    static Set<Role> of(Collection<String> groupIds) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groupIds) {
            switch (group) {
                case Groups.APPLICANTS -> roles.add(APPLICANT);
                case Groups.EXPERTS -> roles.add(EXPERT);
                case Groups.FINANCE -> roles.add(FINANCE);
                case Groups.AUDITORS -> roles.add(AUDITOR);
                case Groups.ADMINS, Groups.CAMUNDA_ADMIN -> roles.add(ADMIN);
                default -> {
                    if (LeadUnit.ofGroup(group).isPresent()) {
                        roles.add(STAFF);
                    }
                }
            }
        }
        return roles;
    }
}
