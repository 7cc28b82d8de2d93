package cn.rdfund.system.security;

import cn.rdfund.bureau.LeadUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may read a process instance through the engine: auditors, finance and the unit (处室) that leads its case,
 * each granted on that instance alone (Camunda's process-instance and historic-process-instance permissions), never by
 * wildcard, so that a unit reads its own cases and no other's — the same cases /api/audit opens to it. The grants are
 * made when an instance starts, and again when one of its tasks is created or it ends, because some cases learn their
 * unit only after the first step (an application names its call, a claim its measure). A review panel's own process
 * ({@link #SEALED_WHILE_RUNNING}) is granted only when it ends: nobody outside the panel reads an expert's opinion while
 * the panel is under way; the experts work their own tasks through the task's own permission. A case's expert panel
 * (ExpertPanel, called by the case) is read like the case, as when its panels ran inside the case: its opinions stay
 * closed while it runs through {@link SealedVariableReads} and the audit timeline's sealing. Engine-specific.
 */
@Component
class CaseReadGrants extends AbstractProcessEnginePlugin {

    /** The review panel's process, whose instances stay closed until they end. */
    static final Set<String> SEALED_WHILE_RUNNING = Set.of("ExpertReview");
    private static final Set<String> READ_EVERY_CASE = Set.of(Groups.AUDITORS, Groups.FINANCE);

    private final ObjectProvider<CaseUnits> caseUnits;

    CaseReadGrants(ObjectProvider<CaseUnits> caseUnits) {
        this.caseUnits = caseUnits;
    }

    private CommandExecutor commandExecutor;

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableHistoricInstancePermissions(true);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                boolean sealed = SEALED_WHILE_RUNNING.contains(process.getKey());
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                    if (!sealed) {
                        grant((ExecutionEntity) execution, true);
                    }
                });
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                        (ExecutionListener) execution -> grant((ExecutionEntity) execution, false));
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                boolean sealed = SEALED_WHILE_RUNNING.contains(
                        ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey());
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                                sealed ? CaseReadGrants::closeToAuditors : CaseReadGrants.this::grant);
            }
        });
    }

    private void grant(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        if (execution != null) {
            grant(execution.getProcessInstance(), true);
        }
    }

    private void grant(ExecutionEntity execution, boolean running) {
        ExecutionEntity instance = execution.getProcessInstance();
        if (instance == null || !instance.isProcessInstanceExecution()) {
            return;
        }
        String instanceId = instance.getId();
        String rootId = instance.getRootProcessInstanceId() != null ? instance.getRootProcessInstanceId() : instanceId;
        grantInContext(Context.getCommandContext(), instanceId, rootId, running);
    }

    private void grantInContext(CommandContext context, String instanceId, String rootId, boolean running) {
        context.runWithoutAuthorization(() -> {
            Set<Grant> granted = grantsOn(context, instanceId);
            Set<String> readers = new LinkedHashSet<>(READ_EVERY_CASE);
            boolean unitGranted = granted.stream().anyMatch(grant -> LeadUnit.ofGroup(grant.group()).isPresent());
            if (!unitGranted) {
                caseUnits.getObject().leadUnitGroupOf(rootId).ifPresent(readers::add);
            }
            for (String group : readers) {
                ensure(context, granted, new Grant(group, Resources.HISTORIC_PROCESS_INSTANCE.resourceType()), instanceId,
                        rootId, HistoricProcessInstancePermissions.READ);
                if (running) {
                    ensure(context, granted, new Grant(group, Resources.PROCESS_INSTANCE.resourceType()), instanceId,
                            rootId, Permissions.READ);
                }
            }
            return null;
        });
    }

    /**
     * Auditors read every task (Tasklist's 全部可见任务), but not a running panel's: a task of the panel's own process is
     * revoked from them while it exists (Camunda deletes a task's authorizations with the task).
     */
    private static void closeToAuditors(DelegateTask task) {
        CommandContext context = Context.getCommandContext();
        context.runWithoutAuthorization(() -> {
            AuthorizationEntity revoke = new AuthorizationEntity(Authorization.AUTH_TYPE_REVOKE);
            revoke.setGroupId(Groups.AUDITORS);
            revoke.setResource(Resources.TASK);
            revoke.setResourceId(task.getId());
            revoke.removePermission(Permissions.READ);
            context.getAuthorizationManager().insert(revoke);
            return null;
        });
    }

    /** The same grants for an instance that started before they existed ({@link CaseReadGrantBackfill}). */
    void grantOutsideTheEngine(String instanceId, String rootId, boolean running) {
        commandExecutor.execute(context -> {
            grantInContext(context, instanceId, rootId, running);
            return null;
        });
    }

    private record Grant(String group, int resourceType) {
    }

    /** The group grants on this instance, in the database and made earlier in this same transaction. */
    private static Set<Grant> grantsOn(CommandContext context, String instanceId) {
        Set<Grant> grants = new HashSet<>();
        context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
                .filter(a -> instanceId.equals(a.getResourceId()) && a.getGroupId() != null)
                .forEach(a -> grants.add(new Grant(a.getGroupId(), a.getResourceType())));
        context.getProcessEngineConfiguration().getAuthorizationService().createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceId(instanceId).list().stream()
                .filter(a -> a.getGroupId() != null)
                .forEach(a -> grants.add(new Grant(a.getGroupId(), a.getResourceType())));
        return grants;
    }

    private static void ensure(CommandContext context, Set<Grant> granted, Grant wanted, String instanceId,
            String rootId, Permission permission) {
        if (!granted.add(wanted)) {
            return;
        }
        AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(wanted.group());
        grant.setResourceType(wanted.resourceType());
        grant.setResourceId(instanceId);
        grant.setRootProcessInstanceId(rootId);
        grant.addPermission(permission);
        context.getAuthorizationManager().insert(grant);
    }
}
