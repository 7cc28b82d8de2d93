package cn.rdfund.system.tasks;

import cn.rdfund.system.security.Groups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A person claims a task for themself, never for someone else. Camunda's claim takes the new assignee from the
 * request, and the permission to work on a task includes claiming it: without this check an assignee could hand
 * their task to anybody (an expert's scoring to the applicant, a check to the claimant) and that person would then
 * work it under the first one's name. Administrators may assign; engine-internal calls are not checked.
 */
final class ClaimGuard {

    private ClaimGuard() {
    }

    static void check(Command<?> command, Authentication caller) {
        if (!(command instanceof ClaimTaskCmd) || caller == null || caller.getUserId() == null) {
            return;
        }
        String claimant = CommandFields.get(command, "userId");
        if (claimant != null && !claimant.equals(caller.getUserId()) && !Groups.includeAdministrator(caller.getGroupIds())) {
            throw new AuthorizationException("只能由本人领取任务，不能把任务交给他人（" + claimant + "）");
        }
    }
}
