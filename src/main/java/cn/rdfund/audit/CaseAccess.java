package cn.rdfund.audit;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.Groups;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whose cases a user may open: auditors, finance and administrators every case; a program manager the cases of
 * the lead units (处室) whose group they belong to; nobody else any.
 */
@Component
class CaseAccess {

    private static final Set<String> READ_EVERYTHING = Set.of(Groups.AUDITORS, Groups.FINANCE, Groups.ADMINS);

    /** Empty: every unit; otherwise the lead units (possibly none) whose cases the user may see. */
    Optional<Set<String>> unitsOf(CamundaUser user) {
        if (user.groupIds().stream().anyMatch(READ_EVERYTHING::contains)) {
            return Optional.empty();
        }
        return Optional.of(user.groupIds().stream().map(LeadUnit::ofGroup).flatMap(Optional::stream)
                .map(LeadUnit::name).collect(Collectors.toUnmodifiableSet()));
    }

    boolean mayOpen(CamundaUser user, AuditCase found) {
        return unitsOf(user).map(units -> units.contains(found.leadUnit())).orElse(true);
    }

    CaseSearch restrict(CamundaUser user, CaseSearch search) {
        return unitsOf(user).map(search::within).orElse(search);
    }
}
