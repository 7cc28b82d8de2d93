package cn.rdfund.system.tasks;

import java.util.List;
import java.util.Optional;
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

    /** Who is logged in to the engine (user and groups), to check their permissions while running as the system. */
    public record Caller(String userId, List<String> groupIds) {
    }

    /** The logged-in caller; empty without a login (the engine then checks nothing). */
    public static Optional<Caller> caller(IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null || current.getUserId() == null ? Optional.empty()
                : Optional.of(new Caller(current.getUserId(),
                        current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds())));
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
