package cn.rdfund.system.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of an installation without demo data, from RDFUND_ADMIN_USER and
 * RDFUND_ADMIN_PASSWORD. An existing user is never touched: change passwords in Camunda Admin.
 */
@Component
@Order(IdentitySetup.ORDER + 2)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final IdentityService identityService;
    private final String userId;
    private final String password;

    BootstrapAdmin(IdentityService identityService,
            @Value("${rdfund.bootstrap-admin.user-id:}") String userId,
            @Value("${rdfund.bootstrap-admin.password:}") String password) {
        this.identityService = identityService;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (userId.isBlank() || password.isBlank()
                || identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User admin = identityService.newUser(userId);
        admin.setFirstName("管理员");
        admin.setLastName("系统");
        admin.setPassword(password);
        identityService.saveUser(admin);
        Groups.administrators().forEach(group -> identityService.createMembership(userId, group));
        log.info("Created administrator '{}' in groups {}", userId, Groups.administrators());
    }
}
