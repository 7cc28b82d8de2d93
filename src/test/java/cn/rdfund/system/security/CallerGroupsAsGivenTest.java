package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.RdfundIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The caller's groups go into the checks unnarrowed (CallerGroupsAsGivenPlugin): the answers stay Camunda's. */
@RdfundIntegrationTest
class CallerGroupsAsGivenTest {

    private final String task = "task-" + UUID.randomUUID();
    private final List<String> made = new ArrayList<>();

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @AfterEach
    void removeAuthorizations() {
        made.forEach(authorizationService::deleteAuthorization);
    }

    @Test
    void theEngineUsesTheManagerThatKeepsTheCallersGroups() {
        Object manager = configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
        assertThat(manager).isInstanceOf(CallerGroupsAsGivenPlugin.CallerGroupsAsGiven.class);
    }

    @Test
    void aGrantToOneOfTheCallersGroupsCountsBesideGroupsThatNoAuthorizationNames() {
        authorize(Authorization.AUTH_TYPE_GRANT, "readers", task);

        assertThat(readable("someone", List.of("no-authorization-names-this", "readers"))).isTrue();
        assertThat(readable("someone", List.of("no-authorization-names-this"))).isFalse();
        assertThat(readable("someone", List.of())).isFalse();
    }

    @Test
    void aRevokeToOneOfTheCallersGroupsStillWinsOverAWildcardGrant() {
        authorize(Authorization.AUTH_TYPE_GRANT, "readers", Authorization.ANY);
        authorize(Authorization.AUTH_TYPE_REVOKE, "kept-out", task);

        assertThat(readable("someone", List.of("readers", "no-authorization-names-this"))).isTrue();
        assertThat(readable("someone", List.of("readers", "kept-out", "readers"))).isFalse();
    }

    private boolean readable(String user, List<String> groups) {
        return authorizationService.isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, task);
    }

    private void authorize(int type, String group, String resourceId) {
        Authorization authorization = authorizationService.createNewAuthorization(type);
        authorization.setGroupId(group);
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(resourceId);
        if (type == Authorization.AUTH_TYPE_REVOKE) {
            authorization.removePermission(Permissions.READ);
        } else {
            authorization.addPermission(Permissions.READ);
        }
        made.add(authorizationService.saveAuthorization(authorization).getId());
    }
}
