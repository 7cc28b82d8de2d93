package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Camunda's answers without its per-command look-ups (AuthorizationChecksPlugin); revokes only for auditors. */
@RdfundIntegrationTest
class AuthorizationChecksTest {

    private final String task = "task-" + UUID.randomUUID();
    private final List<String> made = new ArrayList<>();

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuthorizationChecksPlugin plugin;

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    @AfterEach
    void removeAuthorizations() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = ?", task);
        made.forEach(id -> jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = ?", id));
        assertThat(plugin.decideRevokeCheck(engine)).isTrue();
    }

    @Test
    void theEngineChecksWithTheManagerWithoutLookups() {
        Object manager = configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
        assertThat(manager).isInstanceOf(AuthorizationChecksPlugin.CheckingWithoutLookups.class);
    }

    @Test
    void aGrantToOneOfTheCallersGroupsCountsBesideGroupsThatNoAuthorizationNames() {
        authorize(Authorization.AUTH_TYPE_GRANT, "readers", task);

        assertThat(readable(List.of("no-authorization-names-this", "readers"))).isTrue();
        assertThat(readable(List.of("no-authorization-names-this"))).isFalse();
        assertThat(readable(List.of())).isFalse();
    }

    @Test
    void anAuditorsRevokeStillWinsOverTheirGrantAndKeepsNobodyElseOut() {
        authorize(Authorization.AUTH_TYPE_GRANT, "readers", Authorization.ANY);
        assertThat(readable(List.of(Groups.AUDITORS))).as("auditors read every task").isTrue();

        authorize(Authorization.AUTH_TYPE_REVOKE, Groups.AUDITORS, task);

        assertThat(readable(List.of(Groups.AUDITORS, "no-authorization-names-this"))).isFalse();
        assertThat(readable(List.of("readers"))).isTrue();
    }

    @Test
    void aRevokeForAnyoneButAuditorsIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> authorize(Authorization.AUTH_TYPE_REVOKE, "pm-kjj", task))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("撤销授权").hasMessageContaining("auditors");
        Authorization forAUser = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        forAUser.setUserId("kjj");
        forAUser.setResource(Resources.TASK);
        forAUser.setResourceId(task);
        assertThatThrownBy(() -> authorizationService.saveAuthorization(forAUser)).isInstanceOf(BadUserRequestException.class);

        assertThat(authorizationService.createAuthorizationQuery().resourceId(task).count()).isZero();
    }

    @Test
    void anAdministratorOverRestIsToldWhyARevokeForAUnitIsRefused() {
        Http.Response answer = Http.as(port, "admin").post("/engine-rest/authorization/create", """
                {"type": 2, "permissions": ["READ"], "groupId": "pm-kjj", "resourceType": 7, "resourceId": "%s"}"""
                .formatted(task));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("撤销授权（revoke）只能授予审计组");
        assertThat(authorizationService.createAuthorizationQuery().resourceId(task).count()).isZero();
    }

    @Test
    void anAuditorsRevokeCannotBeHandedToAnotherGroup() {
        authorize(Authorization.AUTH_TYPE_REVOKE, Groups.AUDITORS, task);
        Authorization revoke = authorizationService.createAuthorizationQuery().resourceId(task).singleResult();
        revoke.setGroupId("pm-kjj");

        assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke)).isInstanceOf(BadUserRequestException.class);
        assertThat(authorizationService.createAuthorizationQuery().resourceId(task).singleResult().getGroupId())
                .isEqualTo(Groups.AUDITORS);
    }

    /** Whoever writes the row — another node, a restored backup, plain SQL — the database refuses it. */
    @Test
    void theDatabaseRefusesARevokeForAnyoneButAuditorsWrittenPastTheEngine() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThatThrownBy(() -> revokeReadingPastTheEngine(jdbc, "readers", task))
                .isInstanceOf(DataIntegrityViolationException.class);
        revokeReadingPastTheEngine(jdbc, Groups.AUDITORS, task);

        assertThat(readable(List.of(Groups.AUDITORS))).isFalse();
    }

    /** A revoke of reading the task, written by plain SQL as another node or a restored backup could. */
    static void revokeReadingPastTheEngine(JdbcTemplate jdbc, String group, String task) {
        jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), Authorization.AUTH_TYPE_REVOKE, group,
                Resources.TASK.resourceType(), task, ~Permissions.READ.getValue());
    }

    private boolean readable(List<String> groups) {
        return authorizationService.isUserAuthorized("someone", groups, Permissions.READ, Resources.TASK, task);
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
