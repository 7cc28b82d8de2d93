package cn.rdfund.system.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks without the two look-ups it makes in every command that checks: about six of a task
 * completion's statements.
 * <ul>
 * <li>It narrows the caller's groups to those any authorization names ({@code SELECT DISTINCT GROUP_ID_}). A group no
 * grant or revoke names matches nothing in the checks that follow, so they get the caller's groups as they are: the
 * same answers. (With hundreds of directory groups per user, Camunda's narrowing would keep the checks' SQL short;
 * RDFund's people have a role and a unit.)</li>
 * <li>It asks whether the caller or a group of theirs holds any revoke, to choose the checks' SQL. In RDFund only
 * {@link #REVOKE_HOLDERS} hold revokes — the panel seal keeps a running panel's tasks from auditors
 * ({@link CaseReadGrants}) — and the database refuses any other ({@link RevokeConstraint}, made at start), so the
 * answer is whether the caller is in one of those groups. The engine refuses such a revoke first, with a reason
 * (administrators included, also over REST). Where the constraint cannot be made — a revoke for someone else is
 * already there, or the database does not enforce check constraints — the node asks Camunda's way, as before, and
 * says so in its log; so does a node configured with {@code authorizationCheckRevokes} other than {@code auto}.</li>
 * </ul>
 * Camunda's webapps run their own plugin queries (Cockpit's, Tasklist's) with Camunda's manager: they still ask.
 */
@Component
class AuthorizationChecksPlugin extends AbstractProcessEnginePlugin {

    /** The only groups that may hold revokes. */
    static final Set<String> REVOKE_HOLDERS = Set.of(Groups.AUDITORS);

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationChecksPlugin.class);

    /** Camunda's way until the start has checked the database. */
    private final AtomicBoolean revokesOnlyForHolders = new AtomicBoolean(false);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new Factory(revokesOnlyForHolders));
        configuration.setCustomSessionFactories(factories);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        decideRevokeCheck(engine);
    }

    /** Whether checks may take the caller's groups for the answer to "any revoke?": decided at start. */
    boolean decideRevokeCheck(ProcessEngine engine) {
        boolean decided = revokesOnlyForHoldersAssured(engine);
        revokesOnlyForHolders.set(decided);
        return decided;
    }

    private static boolean revokesOnlyForHoldersAssured(ProcessEngine engine) {
        List<Authorization> others = engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE).list().stream()
                .filter(revoke -> !heldByHolders(revoke.getUserId(), revoke.getGroupId())).toList();
        if (!others.isEmpty()) {
            LOG.warn("{} revoke(s) held by users or groups other than {} (e.g. {}): every authorization check asks the"
                    + " database whether its caller holds one, as Camunda does. Delete them (refused since this"
                    + " release) and restart to save the query.", others.size(), REVOKE_HOLDERS, others.get(0).getId());
            return false;
        }
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + AuthorizationCheckIndexes.TABLE;
        try (Connection connection = configuration.getDataSource().getConnection()) {
            if (RevokeConstraint.ensure(connection, table)) {
                return true;
            }
            LOG.warn("The database does not enforce the check constraint {} on {}: every authorization check asks"
                    + " whether its caller holds a revoke, as Camunda does", RevokeConstraint.NAME, table);
        } catch (SQLException e) {
            LOG.warn("Could not make the check constraint {} on {} ({}): every authorization check asks whether its"
                    + " caller holds a revoke, as Camunda does (docs/operations.md)", RevokeConstraint.NAME, table,
                    e.getMessage());
        }
        return false;
    }

    private static boolean heldByHolders(String userId, String groupId) {
        return userId == null && groupId != null && REVOKE_HOLDERS.contains(groupId);
    }

    static class CheckingWithoutLookups extends AuthorizationManager {

        private final AtomicBoolean revokesOnlyForHolders;

        CheckingWithoutLookups(AtomicBoolean revokesOnlyForHolders) {
            this.revokesOnlyForHolders = revokesOnlyForHolders;
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null) {
                return new ArrayList<>();
            }
            return authenticatedGroupIds.stream().filter(Objects::nonNull).distinct()
                    .collect(Collectors.toCollection(ArrayList::new));
        }

        @Override
        protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
            String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
            if (!revokesOnlyForHolders.get() || !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO
                    .equalsIgnoreCase(mode)) {
                return super.isRevokeAuthCheckEnabled(userId, groupIds);
            }
            return groupIds != null && groupIds.stream().filter(Objects::nonNull).anyMatch(REVOKE_HOLDERS::contains);
        }

        @Override
        public void insert(DbEntity authorization) {
            refuseRevokeOfOthers(authorization);
            super.insert(authorization);
        }

        @Override
        public void update(AuthorizationEntity authorization) {
            refuseRevokeOfOthers(authorization);
            super.update(authorization);
        }

        private static void refuseRevokeOfOthers(DbEntity entity) {
            if (entity instanceof AuthorizationEntity authorization
                    && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE
                    && !heldByHolders(authorization.getUserId(), authorization.getGroupId())) {
                throw new BadUserRequestException("撤销授权（revoke）只能授予审计组（" + String.join("、", REVOKE_HOLDERS)
                        + "），用于评议期间对审计隐藏评议任务；要收回其他用户或组的权限，请删除相应的授予或调整其组成员");
            }
        }
    }

    private record Factory(AtomicBoolean revokesOnlyForHolders) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new CheckingWithoutLookups(revokesOnlyForHolders);
        }
    }
}
