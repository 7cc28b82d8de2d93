package cn.rdfund.system.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 * ({@link CaseReadGrants}) — and every node refuses a revoke for anyone else (administrators included, also over
 * REST), so the answer is whether the caller is in one of those groups. A database that already holds a revoke for
 * someone else (written before this rule) makes the node ask Camunda's way, as before, and says so in its log.</li>
 * </ul>
 */
@Component
class AuthorizationChecksPlugin extends AbstractProcessEnginePlugin {

    /** The only groups that may hold revokes. */
    static final Set<String> REVOKE_HOLDERS = Set.of(Groups.AUDITORS);

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationChecksPlugin.class);

    private final AtomicBoolean revokesOnlyForHolders = new AtomicBoolean(true);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new Factory(revokesOnlyForHolders));
        configuration.setCustomSessionFactories(factories);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        lookForRevokesOfOthers(engine);
    }

    /** Whether revokes are held by {@link #REVOKE_HOLDERS} only, as this node found them at start. */
    boolean lookForRevokesOfOthers(ProcessEngine engine) {
        List<Authorization> others = engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE).list().stream()
                .filter(revoke -> !heldByHolders(revoke.getUserId(), revoke.getGroupId())).toList();
        if (!others.isEmpty()) {
            LOG.warn("{} revoke(s) held by users or groups other than {} (e.g. {}): every authorization check asks the"
                    + " database whether its caller holds one, as Camunda does. Delete them (they were refused since"
                    + " this release) and restart to save the query.", others.size(), REVOKE_HOLDERS,
                    others.get(0).getId());
        }
        revokesOnlyForHolders.set(others.isEmpty());
        return others.isEmpty();
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
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return new ArrayList<>();
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }

        @Override
        protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
            if (!revokesOnlyForHolders.get()) {
                return super.isRevokeAuthCheckEnabled(userId, groupIds);
            }
            return groupIds != null && groupIds.stream().anyMatch(REVOKE_HOLDERS::contains);
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
