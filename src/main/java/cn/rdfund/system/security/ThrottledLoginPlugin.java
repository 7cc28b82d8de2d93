package cn.rdfund.system.security;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces Camunda's login throttle, which counts wrong passwords per account, with RDFund's, which counts them
 * per source ({@link LoginThrottle}). Camunda's makes the next attempt for that user wait 3 s after a wrong
 * password (doubling up to 60 s, whoever tries) and locks the account after 10 until an administrator unlocks it:
 * anyone who knows the name {@code finance} could stop every payment. Both are switched off here rather than in
 * application.yaml because they belong with their replacement: turning Camunda's back on alone would bring the
 * lock-out back. Camunda still counts failures in the user's record ({@code ATTEMPTS_}); with these settings the
 * count never locks (and a correct password resets it), and existing locks from before are void.
 *
 * <p>Every password the engine checks — HTTP Basic, the webapps' login form, {@code /engine-rest/identity/verify},
 * a password change — passes through {@link LoginAttempts}, so no path to the check escapes the count.
 */
@Component
class ThrottledLoginPlugin extends AbstractProcessEnginePlugin {

    private final LoginAttempts loginAttempts;
    private final RecentBasicLogins recentLogins;

    ThrottledLoginPlugin(LoginAttempts loginAttempts, RecentBasicLogins recentLogins) {
        this.loginAttempts = loginAttempts;
        this.recentLogins = recentLogins;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setIdentityProviderSessionFactory(new Provider(loginAttempts, recentLogins));
    }

    /**
     * Camunda's database identity provider, whose password check is counted per source, and whose every change to
     * users, groups, tenants or memberships forgets the remembered HTTP Basic logins ({@link RecentBasicLogins}) —
     * at once and again after the commit, so that no request in between remembers the old state.
     */
    static final class ThrottledIdentityProvider extends DbIdentityServiceProvider {

        private final LoginAttempts loginAttempts;
        private final RecentBasicLogins recentLogins;

        ThrottledIdentityProvider(LoginAttempts loginAttempts, RecentBasicLogins recentLogins) {
            this.loginAttempts = loginAttempts;
            this.recentLogins = recentLogins;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            return loginAttempts.check(userId, () -> super.checkPassword(userId, password));
        }

        @Override
        public IdentityOperationResult saveUser(User user) {
            return forgettingLogins(super.saveUser(user));
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            return forgettingLogins(super.deleteUser(userId));
        }

        @Override
        public IdentityOperationResult unlockUser(String userId) {
            return forgettingLogins(super.unlockUser(userId));
        }

        @Override
        public IdentityOperationResult saveGroup(Group group) {
            return forgettingLogins(super.saveGroup(group));
        }

        @Override
        public IdentityOperationResult deleteGroup(String groupId) {
            return forgettingLogins(super.deleteGroup(groupId));
        }

        @Override
        public IdentityOperationResult saveTenant(Tenant tenant) {
            return forgettingLogins(super.saveTenant(tenant));
        }

        @Override
        public IdentityOperationResult deleteTenant(String tenantId) {
            return forgettingLogins(super.deleteTenant(tenantId));
        }

        @Override
        public IdentityOperationResult createMembership(String userId, String groupId) {
            return forgettingLogins(super.createMembership(userId, groupId));
        }

        @Override
        public IdentityOperationResult deleteMembership(String userId, String groupId) {
            return forgettingLogins(super.deleteMembership(userId, groupId));
        }

        @Override
        public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
            return forgettingLogins(super.createTenantUserMembership(tenantId, userId));
        }

        @Override
        public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
            return forgettingLogins(super.createTenantGroupMembership(tenantId, groupId));
        }

        @Override
        public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
            return forgettingLogins(super.deleteTenantUserMembership(tenantId, userId));
        }

        @Override
        public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
            return forgettingLogins(super.deleteTenantGroupMembership(tenantId, groupId));
        }

        private IdentityOperationResult forgettingLogins(IdentityOperationResult result) {
            recentLogins.forgetAll();
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> recentLogins.forgetAll());
            return result;
        }
    }

    private record Provider(LoginAttempts loginAttempts, RecentBasicLogins recentLogins) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return ThrottledIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new ThrottledIdentityProvider(loginAttempts, recentLogins);
        }
    }
}
