package cn.rdfund.demo;

import cn.rdfund.expert.Expert;
import cn.rdfund.expert.ExpertRepository;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.system.security.Groups;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo users, organizations and expert pool once (what exists is left alone), and prints
 * the demo logins at every start. Only in the {@code demo} profile.
 */
@Component
@Profile("demo")
@Order(100)
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final IdentityService identityService;
    private final OrganizationRepository organizations;
    private final OrganizationMembers members;
    private final ExpertRepository experts;
    private final Clock clock;
    private final String port;

    DemoDataSeeder(IdentityService identityService, OrganizationRepository organizations,
            OrganizationMembers members, ExpertRepository experts, Clock clock,
            @Value("${server.port:8080}") String port) {
        this.port = port;
        this.identityService = identityService;
        this.organizations = organizations;
        this.members = members;
        this.experts = experts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        DemoData.USERS.forEach(this::ensureUser);
        Map<String, Long> organizationIds = new HashMap<>();
        DemoData.ORGANIZATIONS.forEach(org -> organizationIds.put(org.key(), ensureOrganization(org).id()));
        DemoData.MEMBERSHIPS.forEach(m -> members.join(m.userId(), organizationIds.get(m.organizationKey())));
        DemoData.EXPERTS.forEach(expert -> ensureExpert(expert, organizationIds));
        printLogins();
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.name());
        user.setLastName(demo.role());
        user.setEmail(demo.id() + "@rdfund.example");
        user.setPassword(demo.id());
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.groupId());
        if (Groups.ADMINS.equals(demo.groupId())) {
            identityService.createMembership(demo.id(), Groups.CAMUNDA_ADMIN);
        }
    }

    private Organization ensureOrganization(DemoData.DemoOrganization demo) {
        return organizations.findByUscc(demo.uscc()).orElseGet(() -> organizations.save(new Organization(null,
                demo.uscc(), demo.name(), demo.kind(), demo.district(), LocalDateTime.now(clock))));
    }

    private void ensureExpert(DemoData.DemoExpert demo, Map<String, Long> organizationIds) {
        if (experts.findByUserId(demo.userId()).isPresent()) {
            return;
        }
        User user = identityService.createUserQuery().userId(demo.userId()).singleResult();
        experts.save(new Expert(null, demo.userId(), user.getFirstName(),
                organizationIds.get(demo.organizationKey()), demo.title(), true,
                demo.fields().stream().map(Expert.ExpertField::new).collect(Collectors.toSet()),
                demo.collaboratorKeys().stream().map(key -> new Expert.ExpertCollaborator(organizationIds.get(key)))
                        .collect(Collectors.toSet())));
    }

    private void printLogins() {
        StringBuilder table = new StringBuilder("\n\n  RDFund demo logins (password = user id) — http://localhost:" + port + "\n");
        DemoData.USERS.forEach(user -> table.append(String.format("    %-11s / %-11s  %s%n",
                user.id(), user.id(), user.role())));
        log.info(table.toString());
    }
}
