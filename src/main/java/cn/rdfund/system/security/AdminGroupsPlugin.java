package cn.rdfund.system.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the engine treat RDFund's {@code admins} like Camunda's own administrator group, and gives new
 * users only read and update rights on their own account ({@link SelfServiceAuthorizationProvider}).
 */
@Component
class AdminGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>(Groups.administrators());
        if (configuration.getAdminGroups() != null) {
            configuration.getAdminGroups().stream().filter(g -> !adminGroups.contains(g)).forEach(adminGroups::add);
        }
        configuration.setAdminGroups(adminGroups);
        configuration.setResourceAuthorizationProvider(new SelfServiceAuthorizationProvider());
    }
}
