package cn.rdfund.system.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates RDFund's groups and their authorizations at every start-up. Idempotent: missing groups and permissions are
 * added, so a new release can widen the matrix; a group's wildcard grants ({@code *}) are set to exactly what the
 * matrix says, so a release can also narrow it (e.g. when reading process instances moved to per-instance grants).
 */
@Component
@Order(IdentitySetup.ORDER)
class IdentitySetup implements ApplicationRunner {

    static final int ORDER = 10;
    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final List<ProcessStarters> processStarters;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            List<ProcessStarters> processStarters) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.processStarters = processStarters;
    }

    @Override
    public void run(ApplicationArguments args) {
        Groups.all().forEach(this::ensureGroup);
        List<AuthorizationMatrix.Grant> grants = AuthorizationMatrix.grants(processStarters);
        narrowWildcardGrants(grants);
        grants.forEach(this::ensureGrant);
        log.info("RDFund groups and authorizations are in place ({} groups)", Groups.all().size());
    }

    private void ensureGroup(Groups.Definition definition) {
        if (identityService.createGroupQuery().groupId(definition.id()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(definition.id());
        group.setName(definition.name());
        group.setType(definition.type());
        identityService.saveGroup(group);
    }

    private void ensureGrant(AuthorizationMatrix.Grant grant) {
        List<Authorization> existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .list();
        Authorization authorization = existing.isEmpty()
                ? newGrant(grant)
                : existing.get(0);
        boolean missing = grant.permissions().stream().anyMatch(p -> !authorization.isPermissionGranted(p));
        if (existing.isEmpty() || missing) {
            grant.permissions().forEach(authorization::addPermission);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void narrowWildcardGrants(List<AuthorizationMatrix.Grant> grants) {
        for (Groups.Definition group : Groups.all()) {
            for (Authorization existing : authorizationService.createAuthorizationQuery().groupIdIn(group.id())
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceId(AuthorizationMatrix.ANY).list()) {
                List<Permission> wanted = grants.stream()
                        .filter(g -> g.groupId().equals(group.id()) && g.resourceId().equals(AuthorizationMatrix.ANY)
                                && g.resource().resourceType() == existing.getResourceType())
                        .flatMap(g -> g.permissions().stream()).toList();
                if (wanted.isEmpty()) {
                    authorizationService.deleteAuthorization(existing.getId());
                    log.info("Removed the wildcard grant of {} on resource type {}", group.id(), existing.getResourceType());
                } else if (wanted.stream().noneMatch(Permissions.ALL::equals)) {
                    int wantedBits = wanted.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
                    if (((AuthorizationEntity) existing).getPermissions() != wantedBits) {
                        existing.setPermissions(wanted.toArray(Permission[]::new));
                        authorizationService.saveAuthorization(existing);
                        log.info("Narrowed the wildcard grant of {} on resource type {} to {}", group.id(),
                                existing.getResourceType(), wanted);
                    }
                }
            }
        }
    }

    private Authorization newGrant(AuthorizationMatrix.Grant grant) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        return authorization;
    }
}
