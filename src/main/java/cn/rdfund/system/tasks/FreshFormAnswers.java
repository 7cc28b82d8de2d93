package cn.rdfund.system.tasks;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A user task that a model may create again (a loop back after 退回, another round) starts with an empty form: on
 * create, the answers the task's Camunda Form edits (its fields that are not {@code readonly}) are taken out of the
 * case, so nobody confirms last round's decision by accident. Earlier rounds stay in the history. A model opts in per
 * task with {@code <camunda:taskListener delegateExpression="${freshFormAnswers}" event="create" />}.
 * <p>
 * An editable field that should stay filled from the last round (a draft the person goes on writing) is named in the
 * task's extension property {@code keepAnswers}, separated by commas. A read-only field is never touched: it shows
 * what an earlier step decided (a return's reason). An answer held by the process instance is removed; one held by an
 * inner scope (declared as an input of a sub-process, e.g. one per team) is set to null there instead, so that the
 * next completion writes it to that scope again and not to the whole case, where the other rounds could read it.
 */
@Component(FreshFormAnswers.BEAN)
public class FreshFormAnswers implements TaskListener {

    public static final String BEAN = "freshFormAnswers";
    static final String KEEP = "keepAnswers";

    private final DeployedForms forms;

    @Autowired
    FreshFormAnswers(DeployedForms forms) {
        this.forms = forms;
    }

    /** Outside Spring (an engine of its own, as in the engine-only process tests), with a cache of its own. */
    public FreshFormAnswers() {
        this(new DeployedForms());
    }

    @Override
    public void notify(DelegateTask task) {
        String formRef = task.getBpmnModelElementInstance().getCamundaFormRef();
        if (formRef == null || formRef.contains("{")) {
            // The fields are cached per model, task and form reference: a reference that an expression chooses at run
            // time (ExpertPanel's ${panelForm}) would share one cached field set among all its forms.
            throw new IllegalStateException(BEAN + " needs a fixed Camunda Form on task " + task.getTaskDefinitionKey());
        }
        Set<String> answers = new TreeSet<>(AsSystem.call(task.getProcessEngineServices().getIdentityService(),
                () -> forms.of(task.getProcessEngineServices().getFormService(), task.getId(),
                        task.getProcessDefinitionId(), task.getTaskDefinitionKey(), formRef))
                .editable());
        answers.removeAll(kept(task));
        blank(task.getExecution(), answers);
    }

    /** Takes the answers out of the case, or blanks them in the inner scope that holds them. */
    static void blank(DelegateExecution execution, Collection<String> answers) {
        for (String answer : answers) {
            if (!execution.hasVariable(answer)) {
                continue;
            }
            if (execution.getProcessInstance().hasVariableLocal(answer)) {
                execution.removeVariable(answer);
            } else {
                execution.setVariable(answer, null);
            }
        }
    }

    private static Set<String> kept(DelegateTask task) {
        ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
        if (extensions == null) {
            return Set.of();
        }
        Set<String> kept = new TreeSet<>();
        for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (KEEP.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
                    Arrays.stream(property.getCamundaValue().split(",")).map(String::strip)
                            .filter(name -> !name.isEmpty()).forEach(kept::add);
                }
            }
        }
        return kept;
    }
}
