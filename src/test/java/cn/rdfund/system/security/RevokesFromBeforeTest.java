package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.RdfundIntegrationTest;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that holds a revoke for someone else from before the rule: the node cannot make the constraint and asks
 * Camunda's way, so that revoke still counts. Runs alone: it takes the constraint off the shared database meanwhile.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION)
class RevokesFromBeforeTest {

    private final String task = "task-" + UUID.randomUUID();

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuthorizationChecksPlugin plugin;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void restoreTheRule() {
        new JdbcTemplate(dataSource).update("DELETE FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = 'readers-from-before'");
        assertThat(plugin.decideRevokeCheck(engine)).as("constraint made again").isTrue();
    }

    @Test
    void aRevokeOfSomeoneElseAlreadyInTheDatabaseIsStillHonoured() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            RevokeConstraint.drop(connection, AuthorizationCheckIndexes.TABLE);
        }
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("readers-from-before");
        grant.setResource(Resources.TASK);
        grant.setResourceId(Authorization.ANY);
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
        AuthorizationChecksTest.revokeReadingPastTheEngine(jdbc, "readers-from-before", task);

        assertThat(plugin.decideRevokeCheck(engine)).isFalse();
        assertThat(authorizationService.isUserAuthorized("someone", List.of("readers-from-before"), Permissions.READ,
                Resources.TASK, task)).isFalse();
        assertThat(authorizationService.isUserAuthorized("someone", List.of("readers-from-before"), Permissions.READ,
                Resources.TASK, "another-task")).isTrue();
    }
}
