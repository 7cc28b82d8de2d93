package cn.rdfund.system.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models' four-eyes declarations ({@code fourEyes} on a user task) name real steps: a user task of the same
 * process or of a process that calls it, directly or further up. A misspelt id would silently exclude nobody.
 */
class FourEyesDeclarationsTest {

    private static final Map<String, Set<String>> userTasks = new HashMap<>();
    private static final Map<String, Set<String>> callers = new HashMap<>();
    private static final Map<String, List<String>> declarations = new TreeMap<>();

    @BeforeAll
    static void readModels() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (Process process : model.getModelElementsByType(Process.class)) {
                    read(model, process);
                }
            }
        }
    }

    private static void read(BpmnModelInstance model, Process process) {
        Set<String> tasks = userTasks.computeIfAbsent(process.getId(), key -> new HashSet<>());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (!process.equals(processOf(task))) {
                continue;
            }
            tasks.add(task.getId());
            for (CamundaProperty property : task.getChildElementsByType(ExtensionElements.class).stream()
                    .flatMap(extensions -> extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream())
                    .flatMap(properties -> properties.getCamundaProperties().stream()).toList()) {
                if (FourEyes.PROPERTY.equals(property.getCamundaName())) {
                    declarations.put(process.getId() + "/" + task.getId(),
                            List.of(property.getCamundaValue().split("\\s*,\\s*")));
                }
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if (process.equals(processOf(call))) {
                callers.computeIfAbsent(call.getCalledElement(), key -> new HashSet<>()).add(process.getId());
            }
        }
    }

    private static Process processOf(ModelElementInstance element) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof Process process) {
                return process;
            }
        }
        return null;
    }

    /** The process and every process that calls it, directly or through others. */
    private static Set<String> caseOf(String processId) {
        Set<String> processes = new HashSet<>(Set.of(processId));
        List<String> open = new ArrayList<>(List.of(processId));
        while (!open.isEmpty()) {
            for (String caller : callers.getOrDefault(open.remove(0), Set.of())) {
                if (processes.add(caller)) {
                    open.add(caller);
                }
            }
        }
        return processes;
    }

    @Test
    void everyExcludedStepIsAUserTaskOfTheSameCase() {
        assertThat(declarations).isNotEmpty();
        declarations.forEach((approval, excluded) -> {
            String process = approval.substring(0, approval.indexOf('/'));
            Set<String> steps = new HashSet<>();
            caseOf(process).forEach(p -> steps.addAll(userTasks.getOrDefault(p, Set.of())));
            assertThat(excluded).as(approval).isNotEmpty().allSatisfy(step -> assertThat(steps).as(approval).contains(step));
        });
    }

    @Test
    void everyStepThatApprovesMoneyDeclaresWhomItExcludes() {
        assertThat(declarations).containsOnlyKeys("FundingCall/Task_ApproveCall", "PolicyClaim/Task_ApproveClaim",
                "Disbursement/Task_ApproveDisbursement", "ProjectExecution/Task_ReviewRepayment",
                "ChallengeMilestone/Task_ConfirmOwnerPayment");
    }
}
