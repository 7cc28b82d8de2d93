package cn.rdfund.system.tasks;

import org.camunda.bpm.engine.IdentityService;

/** Who the engine believes is acting right now; null for the engine's own jobs. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String id(IdentityService identityService) {
        return identityService.getCurrentAuthentication() == null ? null
                : identityService.getCurrentAuthentication().getUserId();
    }
}
