package cn.rdfund.system.tasks;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the system, without the logged-in user's authorization checks, and gives the
 * user back afterwards. For reading what the engine itself recorded, never for acting on a user's behalf.
 */
public final class AsSystem {

    private AsSystem() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> action) {
        Authentication caller = identityService.getCurrentAuthentication();
        try {
            identityService.clearAuthentication();
            return action.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
