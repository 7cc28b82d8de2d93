package cn.rdfund.system.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;

import cn.rdfund.bureau.LeadUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * Which Camunda group may do what (docs/security.md shows the same table). Tasks are not granted here:
 * the engine grants TASK_WORK on a task to its assignee and candidate groups when it creates the task,
 * which is what lets an expert see only the reviews assigned to them.
 */
final class AuthorizationMatrix {

    static final String ANY = "*";

    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    }

    private AuthorizationMatrix() {
    }

    /** The fixed grants, plus the right to start each process that a feature opened to a group. */
    static List<Grant> grants(List<ProcessStarters> processStarters) {
        List<Grant> grants = new ArrayList<>();
        for (ProcessStarters starters : processStarters) {
            grants.add(grant(starters.groupId(), Resources.PROCESS_DEFINITION, starters.processKey(), READ, CREATE_INSTANCE));
            grants.add(grant(starters.groupId(), Resources.PROCESS_INSTANCE, ANY, CREATE));
        }
        for (String admins : Groups.administrators()) {
            for (Resources resource : Resources.values()) {
                grants.add(grant(admins, resource, ANY, ALL));
            }
        }
        for (LeadUnit unit : LeadUnit.values()) {
            grants.addAll(programManager(unit.groupId()));
        }
        grants.addAll(auditor());
        grants.add(grant(Groups.FINANCE, Resources.APPLICATION, "tasklist", ACCESS));
        // Finance reads every case (CaseReadGrants grants each process instance), not by definition.
        grants.add(grant(Groups.FINANCE, Resources.PROCESS_DEFINITION, ANY, READ));
        // Finance reads every case's timeline on the audit pages: the decision tables behind each amount and who
        // did what (names) included.
        grants.add(grant(Groups.FINANCE, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY));
        grants.add(grant(Groups.FINANCE, Resources.USER, ANY, READ));
        grants.add(grant(Groups.EXPERTS, Resources.APPLICATION, "tasklist", ACCESS));
        grants.add(grant(Groups.EXPERTS, Resources.PROCESS_DEFINITION, ANY, READ));
        grants.add(grant(Groups.APPLICANTS, Resources.APPLICATION, "tasklist", ACCESS));
        grants.add(grant(Groups.APPLICANTS, Resources.PROCESS_DEFINITION, ANY, READ));

        return grants;
    }

    private static List<Grant> programManager(String groupId) {
        return List.of(
                grant(groupId, Resources.APPLICATION, "tasklist", ACCESS),
                grant(groupId, Resources.APPLICATION, "cockpit", ACCESS),
                // Which processes a unit may start is declared per process (ProcessStarters beans); which instances it
                // reads, per instance: those of the cases it leads (CaseReadGrants).
                grant(groupId, Resources.PROCESS_DEFINITION, ANY, READ),
                grant(groupId, Resources.PROCESS_INSTANCE, ANY, CREATE),
                grant(groupId, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
                grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
                grant(groupId, Resources.DEPLOYMENT, ANY, READ),
                grant(groupId, Resources.USER, ANY, READ),
                grant(groupId, Resources.GROUP, ANY, READ));
    }

    /**
     * Auditors read everything the engine knows and change nothing. Process instances and their history are granted
     * per instance (CaseReadGrants), so that a review panel's process stays closed to them until it ends; a wildcard
     * on historic tasks would open every instance's variables through its tasks.
     */
    private static List<Grant> auditor() {
        String g = Groups.AUDITORS;
        return List.of(
                grant(g, Resources.APPLICATION, "tasklist", ACCESS),
                grant(g, Resources.APPLICATION, "cockpit", ACCESS),
                grant(g, Resources.PROCESS_DEFINITION, ANY, READ),
                grant(g, Resources.TASK, ANY, READ),
                grant(g, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
                grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
                grant(g, Resources.DEPLOYMENT, ANY, READ),
                grant(g, Resources.BATCH, ANY, READ, READ_HISTORY),
                // Administrators' and operators' actions, whatever the instance; what people did in tasks (TaskWorker)
                // only where the instance is readable, so a running panel's members stay unknown.
                grant(g, Resources.OPERATION_LOG_CATEGORY, UserOperationLogEntry.CATEGORY_ADMIN,
                        UserOperationLogCategoryPermissions.READ),
                grant(g, Resources.OPERATION_LOG_CATEGORY, UserOperationLogEntry.CATEGORY_OPERATOR,
                        UserOperationLogCategoryPermissions.READ),
                grant(g, Resources.USER, ANY, READ),
                grant(g, Resources.GROUP, ANY, READ),
                grant(g, Resources.AUTHORIZATION, ANY, READ));
    }

    private static Grant grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        return new Grant(groupId, resource, resourceId, Arrays.asList(permissions));
    }
}
