package cn.rdfund.system.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda gives every new user ALL on their own account, so an auditor could delete it. RDFund
 * grants READ and UPDATE instead: people change their name and password, administrators the rest.
 */
class SelfServiceAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return new AuthorizationEntity[] {
                createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ,
                        Permissions.UPDATE)};
    }
}
