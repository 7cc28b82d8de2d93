package cn.rdfund.system.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

    ThrottledLoginPlugin(LoginAttempts loginAttempts) {
        this.loginAttempts = loginAttempts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setIdentityProviderSessionFactory(new Provider(loginAttempts));
    }

    /** Camunda's database identity provider, whose password check is counted per source. */
    static final class ThrottledIdentityProvider extends DbIdentityServiceProvider {

        private final LoginAttempts loginAttempts;

        ThrottledIdentityProvider(LoginAttempts loginAttempts) {
            this.loginAttempts = loginAttempts;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            return loginAttempts.check(userId, () -> super.checkPassword(userId, password));
        }
    }

    private record Provider(LoginAttempts loginAttempts) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return ThrottledIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new ThrottledIdentityProvider(loginAttempts);
        }
    }
}
