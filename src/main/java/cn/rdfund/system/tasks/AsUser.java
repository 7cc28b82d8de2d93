package cn.rdfund.system.tasks;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as a given user, with that user's groups, and gives the caller back afterwards: for what RDFund
 * does on a person's behalf that the engine must record as theirs (the demo's tasks; a claim opened for an enterprise
 * from an official list, whose claimant is the enterprise's user).
 */
public final class AsUser {

    private AsUser() {
    }

    public static <T> T call(IdentityService identityService, String userId, Supplier<T> action) {
        Authentication caller = identityService.getCurrentAuthentication();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            if (caller == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(caller);
            }
        }
    }
}
