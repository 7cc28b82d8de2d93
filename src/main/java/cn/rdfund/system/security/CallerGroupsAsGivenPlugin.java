package cn.rdfund.system.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda narrows the caller's groups, once in every command that checks authorization, to the groups named by any
 * authorization at all ({@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}): one statement per command,
 * about three per task completion. The narrowing only drops groups that no grant or revoke names, and such a group
 * matches nothing in the checks that follow, so here the checks get the caller's groups as they are — the same
 * answers without the statement. It suits callers with a handful of groups, as RDFund's (a role and a unit); with
 * hundreds of directory groups per user, Camunda's narrowing would keep the checks' SQL short.
 */
@Component
class CallerGroupsAsGivenPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new Factory());
        configuration.setCustomSessionFactories(factories);
    }

    static class CallerGroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return new ArrayList<>();
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }

    private static class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new CallerGroupsAsGiven();
        }
    }
}
