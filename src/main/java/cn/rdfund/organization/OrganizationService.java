package cn.rdfund.organization;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final OrganizationMembers members;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, OrganizationMembers members, Clock clock) {
        this.organizations = organizations;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Registers an organization once per USCC (stored upper-case). An applicant who registers an
     * organization while acting for none becomes its member: that is how an enterprise's staff start.
     */
    @Transactional
    public Organization register(RegisterOrganizationRequest request, String registeredBy, boolean byApplicant) {
        String uscc = request.uscc().strip().toUpperCase();
        organizations.findByUscc(uscc).ifPresent(existing -> {
            throw new OrganizationAlreadyRegisteredException(existing);
        });
        Organization organization = organizations.save(new Organization(null, uscc, request.name().strip(),
                request.kind(), request.district(), LocalDateTime.now(clock)));
        if (byApplicant) {
            members.join(registeredBy, organization.id());
        }
        return organization;
    }
}
