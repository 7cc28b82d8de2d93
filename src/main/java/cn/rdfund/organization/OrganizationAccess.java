package cn.rdfund.organization;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.CaseUnits;
import cn.rdfund.system.security.Groups;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whose records a user may read through /api: finance, auditors and admins every record; a program manager the
 * records of the cases their unit (处室) leads — the same cases the engine and /api/audit open to them; anyone else (an
 * applicant) only the records of the organization it acts for. Other records answer 404 or are left out of lists, as
 * if they did not exist.
 */
@Component
public class OrganizationAccess {

    private final OrganizationMembers members;
    private final CaseUnits caseUnits;

    OrganizationAccess(OrganizationMembers members, CaseUnits caseUnits) {
        this.members = members;
        this.caseUnits = caseUnits;
    }

    /** A record: which organization it concerns, and a process instance of its case (any, the case's root found). */
    @FunctionalInterface
    public interface Readable {
        boolean test(long organizationId, String caseProcessInstanceId);
    }

    public Readable readableBy(CamundaUser user) {
        if (readsEveryCase(user)) {
            return (organizationId, processInstanceId) -> true;
        }
        Set<String> units = user.groupIds().stream().filter(group -> LeadUnit.ofGroup(group).isPresent())
                .collect(Collectors.toUnmodifiableSet());
        Optional<Long> own = members.organizationOf(user.id());
        return (organizationId, processInstanceId) -> (own.isPresent() && own.get() == organizationId)
                || (!units.isEmpty() && processInstanceId != null
                        && caseUnits.leadUnitGroupOfCase(processInstanceId).map(units::contains).orElse(false));
    }

    /**
     * Which records a list may start from, for the database to select before {@link #readableBy} checks each one:
     * every record (finance, auditors, admins); those of the cases the user's units lead (their lead unit codes,
     * e.g. {@code KJJ}) and of the organization the user acts for; or nothing.
     */
    public record ListScope(boolean everything, Set<String> leadUnits, Optional<Long> organizationId) {

        public boolean nothing() {
            return !everything && leadUnits.isEmpty() && organizationId.isEmpty();
        }

        /** The lead unit codes for SQL's {@code IN (…)}, which cannot be empty: a code no unit has when none. */
        public Collection<String> leadUnitsForSql() {
            return leadUnits.isEmpty() ? List.of("-") : leadUnits;
        }

        /** The organization for SQL: an id no organization has when the user acts for none. */
        public long organizationIdForSql() {
            return organizationId.orElse(-1L);
        }
    }

    public ListScope listScope(CamundaUser user) {
        if (readsEveryCase(user)) {
            return new ListScope(true, Set.of(), Optional.empty());
        }
        Set<String> units = user.groupIds().stream().map(LeadUnit::ofGroup).flatMap(Optional::stream)
                .map(LeadUnit::name).collect(Collectors.toUnmodifiableSet());
        return new ListScope(false, units, members.organizationOf(user.id()));
    }

    /** Program managers, finance, auditors and admins: the city's staff (who read the co-units' opinions of a claim). */
    public boolean readsEveryOrganization(CamundaUser user) {
        return readsEveryCase(user) || user.groupIds().stream().anyMatch(group -> LeadUnit.ofGroup(group).isPresent());
    }

    private static boolean readsEveryCase(CamundaUser user) {
        return user.groupIds().stream().anyMatch(group -> group.equals(Groups.FINANCE) || group.equals(Groups.AUDITORS)
                || group.equals(Groups.ADMINS));
    }
}
