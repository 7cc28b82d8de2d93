package cn.rdfund.system.security;

import cn.rdfund.system.security.AllowList.Operation;
import cn.rdfund.system.tasks.AsSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Experts' individual opinions stay unread until their panel has concluded. A running review process
 * (ExpertReview) is not readable at all ({@link CaseReadGrants} opens it when it ends). A case's expert panel (the
 * mid-term and acceptance panels, the challenge's panels: the called ExpertPanel, whose multi-instance user task has one
 * named assignee per instance) keeps each member's opinion among its variables, at runtime and in history, so while
 * one runs neither its variables nor those of the case that called it can be read through the engine API; such reads
 * must name the process instance. History queries
 * that filter by variable values would let one probe the opinions and are refused. Administrators are not checked.
 */
@Component
class SealedVariableReads {

    static final String PANEL_RUNNING = "评审进行中：专家个人意见在评审结束前不公开";
    static final String NAME_THE_INSTANCE = "查询变量须指定流程实例（processInstanceId 或 processInstanceIdIn）";
    static final String NO_VALUE_FILTERS = "不支持按变量值查询历史";

    private static final Set<String> VARIABLE_LISTS = Set.of("/history/variable-instance",
            "/history/variable-instance/count", "/history/detail", "/history/detail/count", "/variable-instance",
            "/variable-instance/count");
    private static final Set<String> HISTORIC_VARIABLE = Set.of("/history/variable-instance/{id}",
            "/history/variable-instance/{id}/data");
    private static final Set<String> HISTORIC_DETAIL = Set.of("/history/detail/{id}", "/history/detail/{id}/data");
    private static final Set<String> RUNTIME_VARIABLE = Set.of("/variable-instance/{id}", "/variable-instance/{id}/data");
    private static final Set<String> INSTANCE_VARIABLES = Set.of("/process-instance/{id}/variables",
            "/process-instance/{id}/variables/{varName}", "/process-instance/{id}/variables/{varName}/data");
    private static final Set<String> EXECUTION_VARIABLES = Set.of("/execution/{id}/localVariables",
            "/execution/{id}/localVariables/{varName}", "/execution/{id}/localVariables/{varName}/data");
    private static final Set<String> VALUE_FILTERS = Set.of("variables", "processVariables", "taskVariables",
            "caseInstanceVariables");
    private static final String MULTI_INSTANCE = "multiInstanceBody";

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ObjectMapper json = new ObjectMapper();
    /** Per process definition and activity: is it a panel (a multi-instance task with one assignee each)? */
    private final Map<String, Boolean> panels = new ConcurrentHashMap<>();

    SealedVariableReads(HistoryService historyService, RuntimeService runtimeService, RepositoryService repositoryService,
            IdentityService identityService) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    boolean applies(Operation operation) {
        String template = operation.template();
        return template.startsWith("/history/") || VARIABLE_LISTS.contains(template)
                || RUNTIME_VARIABLE.contains(template) || INSTANCE_VARIABLES.contains(template)
                || EXECUTION_VARIABLES.contains(template);
    }

    /** Why this read is refused, or empty. */
    Optional<String> refusal(Operation operation, CachedBodyRequest request) throws IOException {
        boolean post = "POST".equals(operation.method());
        JsonNode body = post && request.body().length > 0 ? json.readTree(request.body()) : null;
        if (operation.template().startsWith("/history/") && filtersByValue(request, post, body)) {
            return Optional.of(NO_VALUE_FILTERS);
        }
        String template = operation.template();
        List<String> instances;
        if (VARIABLE_LISTS.contains(template)) {
            // Camunda reads a POST query from its body only, a GET query from its parameters only.
            instances = post ? pinnedInBody(body) : pinnedInParameters(request);
            if (instances.isEmpty()) {
                return Optional.of(NAME_THE_INSTANCE);
            }
        } else if (INSTANCE_VARIABLES.contains(template)) {
            instances = List.of(idIn(request));
        } else if (HISTORIC_VARIABLE.contains(template) || HISTORIC_DETAIL.contains(template)
                || RUNTIME_VARIABLE.contains(template) || EXECUTION_VARIABLES.contains(template)) {
            instances = instanceOf(template, idIn(request)).stream().toList();
        } else {
            return Optional.empty();
        }
        return instances.stream().anyMatch(this::panelRunningIn) ? Optional.of(PANEL_RUNNING) : Optional.empty();
    }

    private Optional<String> instanceOf(String template, String id) {
        return asSystem(() -> {
            if (HISTORIC_VARIABLE.contains(template)) {
                return Optional.ofNullable(historyService.createHistoricVariableInstanceQuery().variableId(id)
                        .singleResult()).map(HistoricVariableInstance::getProcessInstanceId);
            }
            if (HISTORIC_DETAIL.contains(template)) {
                return Optional.ofNullable(historyService.createHistoricDetailQuery().detailId(id).singleResult())
                        .map(HistoricDetail::getProcessInstanceId);
            }
            if (RUNTIME_VARIABLE.contains(template)) {
                return Optional.ofNullable(runtimeService.createVariableInstanceQuery().variableId(id).singleResult())
                        .map(VariableInstance::getProcessInstanceId);
            }
            return Optional.ofNullable(runtimeService.createExecutionQuery().executionId(id).singleResult())
                    .map(Execution::getProcessInstanceId);
        });
    }

    /** The id in the path: the segment after the resource, e.g. the instance of /process-instance/{id}/variables. */
    private static String idIn(HttpServletRequest request) {
        List<String> segments = AllowList.segmentsOf(EnginePaths.enginePath(EnginePaths.pathOf(request)).orElseThrow());
        return segments.get(0).equals("history") ? segments.get(2) : segments.get(1);
    }

    private static boolean filtersByValue(HttpServletRequest request, boolean post, JsonNode body) {
        if (post) {
            return body != null && VALUE_FILTERS.stream().anyMatch(name -> !body.findValues(name).isEmpty());
        }
        return VALUE_FILTERS.stream().anyMatch(name -> request.getParameter(name) != null);
    }

    private static List<String> pinnedInParameters(HttpServletRequest request) {
        List<String> ids = new ArrayList<>();
        if (request.getParameter("processInstanceId") != null) {
            ids.add(request.getParameter("processInstanceId"));
        }
        if (request.getParameter("processInstanceIdIn") != null) {
            ids.addAll(Arrays.stream(request.getParameter("processInstanceIdIn").split(",")).map(String::trim).toList());
        }
        ids.removeIf(String::isBlank);
        return ids;
    }

    private static List<String> pinnedInBody(JsonNode body) {
        List<String> ids = new ArrayList<>();
        if (body != null) {
            if (body.hasNonNull("processInstanceId")) {
                ids.add(body.get("processInstanceId").asText());
            }
            body.path("processInstanceIdIn").forEach(id -> ids.add(id.asText()));
        }
        ids.removeIf(String::isBlank);
        return ids;
    }

    /**
     * An expert panel is still under way in this process instance or in one it called (a case's panel runs in a called
     * ExpertPanel): while it is, the case's variables stay closed as they did when panels ran inside the case.
     */
    boolean panelRunningIn(String processInstanceId) {
        return asSystem(() -> {
            List<String> instances = new ArrayList<>(List.of(processInstanceId));
            for (int i = 0; i < instances.size(); i++) {
                ActivityInstance tree = runtimeService.getActivityInstance(instances.get(i));
                if (tree != null && containsPanel(tree.getProcessDefinitionId(), tree)) {
                    return true;
                }
                runtimeService.createProcessInstanceQuery().superProcessInstanceId(instances.get(i)).list()
                        .forEach(called -> instances.add(called.getId()));
            }
            return false;
        });
    }

    private boolean containsPanel(String processDefinitionId, ActivityInstance instance) {
        if (MULTI_INSTANCE.equals(instance.getActivityType()) && isPanel(processDefinitionId, instance.getActivityId())) {
            return true;
        }
        return Arrays.stream(instance.getChildActivityInstances())
                .anyMatch(child -> containsPanel(processDefinitionId, child));
    }

    /** A multi-instance user task whose instances each have one named assignee: experts, not units. */
    private boolean isPanel(String processDefinitionId, String multiInstanceBodyId) {
        String activityId = multiInstanceBodyId.replace("#" + MULTI_INSTANCE, "");
        return panels.computeIfAbsent(processDefinitionId + "/" + activityId, key -> asSystem(() -> {
            var element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
            return element instanceof UserTask task && task.getCamundaAssignee() != null;
        }));
    }

    private <T> T asSystem(Supplier<T> read) {
        return AsSystem.call(identityService, read);
    }
}
