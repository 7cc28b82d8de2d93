package cn.rdfund.organization;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Registers an organization once per USCC; the code is stored in its canonical upper-case form. */
    @Transactional
    public Organization register(RegisterOrganizationRequest request) {
        String uscc = request.uscc().strip().toUpperCase();
        organizations.findByUscc(uscc).ifPresent(existing -> {
            throw new OrganizationAlreadyRegisteredException(existing);
        });
        return organizations.save(new Organization(null, uscc, request.name().strip(), request.kind(),
                request.district(), LocalDateTime.now(clock)));
    }
}
