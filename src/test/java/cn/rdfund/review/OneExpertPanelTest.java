package cn.rdfund.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expert panel exists once: every model's panel is a call of bpmn/review/ExpertPanel.bpmn, and no model holds a
 * copy of it (a multi-instance user task with one named assignee per instance whose form asks each of them something;
 * a notice each one only reads, such as 赛马结果告知, is no panel).
 */
class OneExpertPanelTest {

    private static final Map<Path, BpmnModelInstance> models = new HashMap<>();
    private static final Set<String> forms = new HashSet<>();
    /** The forms that ask for something: a field someone fills in (not read-only, not disabled). */
    private static final Set<String> asking = new HashSet<>();

    @BeforeAll
    static void readModels() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".bpmn")) {
                    models.put(file, Bpmn.readModelFromFile(file.toFile()));
                } else if (file.toString().endsWith(".form")) {
                    JsonNode form = new ObjectMapper().readTree(file.toFile());
                    forms.add(form.get("id").asText());
                    boolean asks = false;
                    for (JsonNode component : form.get("components")) {
                        asks |= component.has("key") && !component.path("readonly").asBoolean()
                                && !component.path("disabled").asBoolean();
                    }
                    if (asks) {
                        asking.add(form.get("id").asText());
                    }
                }
            }
        }
    }

    @Test
    void noModelButExpertPanelHasAPanelOfExperts() {
        List<String> panels = new ArrayList<>();
        models.forEach((file, model) -> model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> task.getCamundaAssignee() != null && !task
                        .getChildElementsByType(MultiInstanceLoopCharacteristics.class).isEmpty())
                .filter(task -> task.getCamundaFormRef() == null || task.getCamundaFormRef().contains("$")
                        || asking.contains(task.getCamundaFormRef()))
                .forEach(task -> panels.add(file.getFileName() + "#" + task.getId())));

        assertThat(panels).containsExactly("ExpertPanel.bpmn#" + ExpertPanelProcess.TASK_ASSESS);
    }

    @Test
    void everyPanelOfACaseIsTheCalledExpertPanel() {
        Map<String, String> panelCalls = new HashMap<>();
        models.forEach((file, model) -> model.getModelElementsByType(CallActivity.class).stream()
                .filter(call -> call.getId().endsWith("Panel"))
                .forEach(call -> panelCalls.put(file.getFileName() + "#" + call.getId(), call.getCalledElement())));

        assertThat(panelCalls).containsOnlyKeys("ProjectExecution.bpmn#CallActivity_MidtermPanel",
                "ProjectExecution.bpmn#CallActivity_AcceptancePanel", "Challenge.bpmn#CallActivity_ValidationPanel",
                "Challenge.bpmn#CallActivity_TeamAcceptancePanel", "ChallengeMilestone.bpmn#CallActivity_DisputePanel");
        assertThat(panelCalls).allSatisfy((call, called) -> assertThat(called).as(call).isEqualTo(ExpertPanelProcess.KEY));
    }

    /** What a panel cannot run without, named explicitly (no variables="all"), and its result handed back. */
    @Test
    void everyCallOfExpertPanelSaysWhatThePanelIsAndTakesItsVerdict() {
        List<CallActivity> calls = models.values().stream()
                .flatMap(model -> model.getModelElementsByType(CallActivity.class).stream())
                .filter(call -> ExpertPanelProcess.KEY.equals(call.getCalledElement())).toList();

        assertThat(calls).hasSize(5).allSatisfy(call -> {
            List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
            Set<String> targets = new HashSet<>();
            ins.stream().map(CamundaIn::getCamundaTarget).forEach(targets::add);
            assertThat(ins).as(call.getId()).noneMatch(in -> "all".equals(in.getCamundaVariables()))
                    .anyMatch(in -> "${execution.processBusinessKey}".equals(in.getCamundaBusinessKey()));
            assertThat(targets).as(call.getId()).contains(ExpertPanelProcess.PROJECT_ID, ExpertPanelProcess.STAGE,
                    ExpertPanelProcess.ROUND, ExpertPanelProcess.TASK_NAME, ExpertPanelProcess.FORM,
                    ExpertPanelProcess.DEADLINE, ExpertPanelProcess.ALLOWED_VERDICTS, ExpertPanelProcess.VERDICT_PROMPT,
                    ExpertPanelProcess.RECTIFY_ALLOWED, ExpertPanelProcess.PROJECT_CODE, ExpertPanelProcess.TITLE);
            assertThat(targets).as(call.getId() + ": whose exclusions apply")
                    .containsAnyOf(ExpertPanelProcess.APPLICATION_ID, ExpertPanelProcess.ORGANIZATION_ID);
            String form = ins.stream().filter(in -> ExpertPanelProcess.FORM.equals(in.getCamundaTarget())).findFirst()
                    .orElseThrow().getCamundaSourceExpression();
            assertThat(forms).as(call.getId() + " form").contains(form);
            assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list())
                    .extracting(CamundaOut::getCamundaSource).as(call.getId())
                    .contains(ExpertPanelProcess.PANEL_VERDICT, ExpertPanelProcess.PANEL_FINDINGS);
        });
    }
}
