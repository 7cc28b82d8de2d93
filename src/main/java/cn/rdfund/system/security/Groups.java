package cn.rdfund.system.security;

import cn.rdfund.bureau.LeadUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The Camunda groups RDFund creates at start-up, and the Spring authorities derived from them. */
public final class Groups {

    public static final String EXPERTS = "experts";
    public static final String FINANCE = "finance";
    public static final String AUDITORS = "auditors";
    public static final String APPLICANTS = "applicants";
    public static final String ADMINS = "admins";

    /**
     * Camunda's built-in administrator group. The webapps offer their first-run setup page until a user
     * is a member, so RDFund's administrators belong to both {@link #ADMINS} and this group.
     */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Authority held by members of any lead unit's program-manager group. */
    public static final String PROGRAM_MANAGERS = "program-managers";

    static final String TYPE_PROGRAM_MANAGER = "program-manager";
    static final String TYPE_ROLE = "role";

    private Groups() {
    }

    /** The groups an administrator joins. */
    public static List<String> administrators() {
        return List.of(ADMINS, CAMUNDA_ADMIN);
    }

    /** Whether these groups (a login's, possibly none) make their member an administrator. */
    public static boolean includeAdministrator(Collection<String> groupIds) {
        return groupIds != null && groupIds.stream().anyMatch(administrators()::contains);
    }

    public record Definition(String id, String name, String type) {
    }

    static List<Definition> all() {
        List<Definition> groups = new ArrayList<>();
        for (LeadUnit unit : LeadUnit.values()) {
            groups.add(new Definition(unit.groupId(), unit.displayName() + "项目处室", TYPE_PROGRAM_MANAGER));
        }
        groups.add(new Definition(EXPERTS, "评审专家", TYPE_ROLE));
        groups.add(new Definition(FINANCE, "财务", TYPE_ROLE));
        groups.add(new Definition(AUDITORS, "审计", TYPE_ROLE));
        groups.add(new Definition(APPLICANTS, "申报单位", TYPE_ROLE));
        groups.add(new Definition(ADMINS, "系统管理员", TYPE_ROLE));
        groups.add(new Definition(CAMUNDA_ADMIN, "Camunda管理员", "SYSTEM"));
        return groups;
    }
}
