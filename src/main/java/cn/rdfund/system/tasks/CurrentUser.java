package cn.rdfund.system.tasks;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who the engine believes is acting right now; null for the engine's own jobs. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String id(IdentityService identityService) {
        return identityService.getCurrentAuthentication() == null ? null
                : identityService.getCurrentAuthentication().getUserId();
    }

    /** Who is completing (or otherwise acting on) this task, from the engine's login. */
    public static String of(DelegateTask task) {
        return id(task.getProcessEngineServices().getIdentityService());
    }
}
