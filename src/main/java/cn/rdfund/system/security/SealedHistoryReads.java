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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.stereotype.Component;

/**
 * Experts' individual opinions stay unread until their panel has concluded. A running review process
 * (ExpertReview) is not readable at all ({@link CaseReadGrants} opens it when it ends). A panel inside a case
 * process (mid-term and acceptance panels, the challenge's panels) keeps each member's opinion in the case's variable
 * history, so while any multi-instance activity of a case runs, that case's variable history is closed to the engine
 * API; such reads must name the process instance. History queries that filter by variable values would let one probe
 * the opinions and are refused. Administrators are not checked here.
 */
@Component
class SealedHistoryReads {

    static final String PANEL_RUNNING = "评审进行中：专家个人意见在评审结束前不公开";
    static final String NAME_THE_INSTANCE = "查询变量历史须指定流程实例（processInstanceId 或 processInstanceIdIn）";
    static final String NO_VALUE_FILTERS = "不支持按变量值查询历史";

    private static final Set<String> VARIABLE_HISTORY = Set.of("/history/variable-instance",
            "/history/variable-instance/count", "/history/detail", "/history/detail/count");
    private static final Set<String> VARIABLE_BY_ID = Set.of("/history/variable-instance/{id}",
            "/history/variable-instance/{id}/data");
    private static final Set<String> DETAIL_BY_ID = Set.of("/history/detail/{id}", "/history/detail/{id}/data");
    private static final Set<String> VALUE_FILTERS = Set.of("variables", "processVariables", "taskVariables",
            "caseInstanceVariables");
    private static final String MULTI_INSTANCE = "multiInstanceBody";

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ObjectMapper json = new ObjectMapper();

    SealedHistoryReads(HistoryService historyService, RuntimeService runtimeService, IdentityService identityService) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    boolean applies(Operation operation) {
        return operation.template().startsWith("/history/");
    }

    /** Why this read is refused, or empty. */
    Optional<String> refusal(Operation operation, CachedBodyRequest request) throws IOException {
        JsonNode body = "POST".equals(operation.method()) && request.body().length > 0 ? json.readTree(request.body()) : null;
        if (filtersByValue(request, body)) {
            return Optional.of(NO_VALUE_FILTERS);
        }
        String template = operation.template();
        List<String> instances;
        if (VARIABLE_HISTORY.contains(template)) {
            instances = pinnedInstances(request, body);
            if (instances.isEmpty()) {
                return Optional.of(NAME_THE_INSTANCE);
            }
        } else if (VARIABLE_BY_ID.contains(template) || DETAIL_BY_ID.contains(template)) {
            String id = AllowList.segmentsOf(EnginePaths.enginePath(EnginePaths.pathOf(request)).orElseThrow()).get(2);
            instances = asSystem(() -> VARIABLE_BY_ID.contains(template)
                    ? Optional.ofNullable(historyService.createHistoricVariableInstanceQuery().variableId(id).singleResult())
                            .map(HistoricVariableInstance::getProcessInstanceId)
                    : Optional.ofNullable(historyService.createHistoricDetailQuery().detailId(id).singleResult())
                            .map(HistoricDetail::getProcessInstanceId)).stream().toList();
        } else {
            return Optional.empty();
        }
        return instances.stream().anyMatch(this::panelRunningIn) ? Optional.of(PANEL_RUNNING) : Optional.empty();
    }

    private boolean filtersByValue(HttpServletRequest request, JsonNode body) {
        if (VALUE_FILTERS.stream().anyMatch(name -> request.getParameter(name) != null)) {
            return true;
        }
        return body != null && VALUE_FILTERS.stream().anyMatch(name -> !body.findValues(name).isEmpty());
    }

    private static List<String> pinnedInstances(HttpServletRequest request, JsonNode body) {
        List<String> ids = new ArrayList<>();
        if (request.getParameter("processInstanceId") != null) {
            ids.add(request.getParameter("processInstanceId"));
        }
        if (request.getParameter("processInstanceIdIn") != null) {
            ids.addAll(Arrays.stream(request.getParameter("processInstanceIdIn").split(",")).map(String::trim).toList());
        }
        if (body != null) {
            if (body.hasNonNull("processInstanceId")) {
                ids.add(body.get("processInstanceId").asText());
            }
            body.path("processInstanceIdIn").forEach(id -> ids.add(id.asText()));
        }
        ids.removeIf(String::isBlank);
        return ids;
    }

    /** An expert panel (any multi-instance activity) is still under way in this process instance. */
    boolean panelRunningIn(String processInstanceId) {
        ActivityInstance tree = asSystem(() -> runtimeService.getActivityInstance(processInstanceId));
        return tree != null && containsPanel(tree);
    }

    private static boolean containsPanel(ActivityInstance instance) {
        if (MULTI_INSTANCE.equals(instance.getActivityType())) {
            return true;
        }
        return Arrays.stream(instance.getChildActivityInstances()).anyMatch(SealedHistoryReads::containsPanel);
    }

    private <T> T asSystem(Supplier<T> read) {
        return AsSystem.call(identityService, read);
    }
}
