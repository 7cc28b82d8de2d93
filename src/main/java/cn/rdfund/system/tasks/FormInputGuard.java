package cn.rdfund.system.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A person may change through a task only what the task's Camunda Form lets them edit. Whatever
 * else they send with a completion, a form submission or a variable update of that task (through
 * Tasklist or the REST API) is refused as unauthorized, unless it repeats the current value (forms
 * send their read-only fields back). Engine-internal calls, with nobody logged in, are not checked.
 */
class FormInputGuard {

    private final ObjectProvider<IdentityService> identityService;
    private final ObjectProvider<TaskService> taskService;
    private final ObjectProvider<FormService> formService;
    private final ObjectMapper json = new ObjectMapper();
    private final DeployedForms forms;

    FormInputGuard(ObjectProvider<IdentityService> identityService, ObjectProvider<TaskService> taskService,
            ObjectProvider<FormService> formService, DeployedForms forms) {
        this.forms = forms;
        this.identityService = identityService;
        this.taskService = taskService;
        this.formService = formService;
    }

    void check(Command<?> command) {
        Optional<Submission> submission = submission(command);
        if (submission.isEmpty() || identityService.getObject().getCurrentAuthentication() == null) {
            return;
        }
        AsSystem.call(identityService.getObject(), () -> {
            String taskId = submission.get().taskId();
            Task task = taskService.getObject().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
            if (task == null) {
                return null;
            }
            Optional<DeployedForms.Fields> fields = formFields(task);
            if (fields.isEmpty()) {
                return null;
            }
            Set<String> editable = fields.get().editable();
            Set<String> refused = new TreeSet<>();
            submission.get().values().forEach((name, value) -> {
                if (!editable.contains(name) && !sameAsCurrent(taskId, name, value)) {
                    refused.add(name);
                }
            });
            submission.get().removals().stream().filter(name -> !editable.contains(name)).forEach(refused::add);
            if (!refused.isEmpty()) {
                throw new AuthorizationException("不能通过任务「" + task.getName() + "」修改表单以外的数据: " + refused);
            }
            refuseTooLong(fields.get(), submission.get().values());
            return null;
        });
    }

    private record Submission(String taskId, Map<String, ?> values, Collection<String> removals) {
    }

    private static Optional<Submission> submission(Command<?> command) {
        if (command instanceof CompleteTaskCmd) {
            return Optional.of(new Submission(CommandFields.get(command, "taskId"),
                    CommandFields.map(command, "variables"), List.of()));
        }
        if (command instanceof SubmitTaskFormCmd) {
            return Optional.of(new Submission(CommandFields.get(command, "taskId"),
                    CommandFields.map(command, "properties"), List.of()));
        }
        if (command instanceof SetTaskVariablesCmd) {
            return Optional.of(new Submission(CommandFields.get(command, "entityId"),
                    CommandFields.map(command, "variables"), List.of()));
        }
        if (command instanceof AbstractPatchVariablesCmd && command.getClass().getSimpleName().startsWith("PatchTask")) {
            Collection<String> deletions = CommandFields.get(command, "deletions");
            return Optional.of(new Submission(CommandFields.get(command, "entityId"), CommandFields.map(command, "variables"),
                    deletions == null ? List.of() : deletions));
        }
        if (command instanceof RemoveTaskVariablesCmd) {
            Collection<String> names = CommandFields.get(command, "variableNames");
            return Optional.of(new Submission(CommandFields.get(command, "entityId"), Map.of(),
                    names == null ? List.of() : names));
        }
        return Optional.empty();
    }

    /** The form's own limits hold on the server too: a browser's check is a convenience, not a guarantee. */
    private static void refuseTooLong(DeployedForms.Fields fields, Map<String, ?> values) {
        values.forEach((name, value) -> {
            Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
            Integer max = fields.maxLength().get(name);
            if (max != null && plain instanceof String text && text.codePointCount(0, text.length()) > max) {
                throw new FormFieldValidationException(name, "「" + fields.labels().getOrDefault(name, name) + "」（" + name
                        + "）过长：最多" + max + "字");
            }
        });
    }

    /** The fields of the task's Camunda Form; empty when the task has no Camunda Form. */
    private Optional<DeployedForms.Fields> formFields(Task task) {
        if (task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        return Optional.of(forms.of(formService.getObject(), task.getId(), task.getProcessDefinitionId(),
                task.getTaskDefinitionKey(), task.getCamundaFormRef().getKey()));
    }

    private boolean sameAsCurrent(String taskId, String name, Object submitted) {
        Object current = taskService.getObject().getVariable(taskId, name);
        Object value = submitted instanceof TypedValue typed ? typed.getValue() : submitted;
        if (Objects.equals(value, current)) {
            return true;
        }
        if (current == null) {
            // An empty value for a variable that does not exist changes nothing (forms send empty fields).
            return value == null || value.toString().isEmpty();
        }
        if (value == null) {
            return false;
        }
        try {
            return json.readTree(value.toString()).equals(json.readTree(current.toString()));
        } catch (IOException notJson) {
            return value.toString().equals(current.toString());
        }
    }
}
