package cn.rdfund.organization;

import cn.rdfund.policy.LeadUnit;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.Groups;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Component;

/**
 * Whose records a user may read through /api: program managers, finance, auditors and admins read every
 * organization's; anyone else (an applicant) only the organization it acts for. Records of other
 * organizations answer 404 or are left out of lists, as if they did not exist.
 */
@Component
public class OrganizationAccess {

    private final OrganizationMembers members;

    OrganizationAccess(OrganizationMembers members) {
        this.members = members;
    }

    public LongPredicate readableBy(CamundaUser user) {
        if (readsEveryOrganization(user)) {
            return organizationId -> true;
        }
        Optional<Long> own = members.organizationOf(user.id());
        return organizationId -> own.isPresent() && own.get() == organizationId;
    }

    /** Program managers, finance, auditors and admins: the city's staff, who read every organization's records. */
    public boolean readsEveryOrganization(CamundaUser user) {
        return user.groupIds().stream().anyMatch(group -> LeadUnit.ofGroup(group).isPresent()
                || group.equals(Groups.FINANCE) || group.equals(Groups.AUDITORS) || group.equals(Groups.ADMINS));
    }
}
