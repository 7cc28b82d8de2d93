package cn.rdfund.policy;

import cn.rdfund.system.tasks.AsSystem;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.springframework.stereotype.Component;

/**
 * Evaluates the policy's decision tables (bpmn/**.dmn, latest deployed version) for one measure and
 * returns their matched rows. The only place that calls Camunda's decision service. Tables are
 * evaluated as the system, not as the user whose request triggered it: applying the policy is not a
 * user's action, and a manager completing a form must not need the right to run decision tables.
 * A case's question may be asked once per transaction ({@link #evaluateForCase}): a claim's submission is checked and
 * then registered in one transaction, and the decision history records its judgement once.
 */
@Component
public class DecisionTables {

    private final DecisionService decisionService;
    private final IdentityService identityService;
    private final RepositoryService repositoryService;
    private final Map<String, List<WrittenRule>> written = new ConcurrentHashMap<>();
    private final TransactionMemo<Question, List<Map<String, Object>>> evaluations = new TransactionMemo<>();

    DecisionTables(DecisionService decisionService, IdentityService identityService,
            RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.identityService = identityService;
        this.repositoryService = repositoryService;
    }

    /** One deployed version of a decision table. */
    /** A deployed version of a table; {@code name} is the table's name in words (e.g. 企业升级与梯队奖励). */
    public record Version(String id, String key, int version, String name) {
    }

    /** Every deployed version of a table, the newest first (a new year's policy is a new version). */
    public List<Version> versionsNewestFirst(String decisionKey) {
        return asSystem(() -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .orderByDecisionDefinitionVersion().desc().list().stream()
                .map(d -> new Version(d.getId(), d.getKey(), d.getVersion(), d.getName())).toList());
    }

    /** One rule of a table as written: its input entries' text and its outputs' literal values (strings unquoted). */
    public record WrittenRule(List<String> inputEntries, Map<String, String> outputs) {
    }

    /**
     * Every rule of a version's table as written, without evaluating it (nothing goes to the decision history):
     * for tables such as the measure catalogue whose rows are read as a list. A version never changes, so the
     * rules are read from the engine once per version.
     */
    public List<WrittenRule> writtenRules(Version version) {
        return written.computeIfAbsent(version.id(), id -> {
            DmnModelInstance model = asSystem(() -> repositoryService.getDmnModelInstance(id));
            Decision decision = model.getModelElementById(version.key());
            DecisionTable table = (DecisionTable) decision.getExpression();
            List<String> names = table.getOutputs().stream().map(Output::getName).toList();
            return table.getRules().stream().map(rule -> {
                Map<String, String> outputs = new LinkedHashMap<>();
                List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
                for (int i = 0; i < names.size(); i++) {
                    outputs.put(names.get(i), literal(entries.get(i).getTextContent()));
                }
                List<String> inputs = rule.getInputEntries().stream().map(e -> e.getTextContent().strip()).toList();
                return new WrittenRule(inputs, outputs);
            }).toList();
        });
    }

    /** The deployed version with that id. */
    public Optional<Version> version(String decisionId) {
        return Optional.ofNullable(asSystem(() -> repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionId(decisionId).singleResult()))
                .map(d -> new Version(d.getId(), d.getKey(), d.getVersion(), d.getName()));
    }

    /** A FEEL string literal's value ("…" with \" and \\ escapes), or the text as written. */
    private static String literal(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() < 2 || !trimmed.startsWith("\"") || !trimmed.endsWith("\"")) {
            return trimmed;
        }
        return trimmed.substring(1, trimmed.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** The matched rows of exactly that version, whatever was deployed after it. */
    public List<Map<String, Object>> evaluate(Version version, Map<String, Object> variables) {
        return asSystem(() -> decisionService.evaluateDecisionById(version.id())
                .variables(Variables.fromMap(variables)).evaluate().getResultList());
    }

    /**
     * The matched rows of exactly that version for one case (a process instance): asked again for the same case and
     * inputs in the same transaction, the first evaluation's rows, so the case's decision history holds it once.
     * Another case in the same transaction (claims opened from one award list) is evaluated for itself.
     */
    public List<Map<String, Object>> evaluateForCase(String processInstanceId, Version version,
            Map<String, Object> variables) {
        return evaluations.get(new Question(processInstanceId, version.id(), variables),
                () -> frozen(evaluate(version, variables)));
    }

    /** The matched rows of the latest deployed version of a table for these inputs. */
    public List<Map<String, Object>> evaluateLatest(String decisionKey, Map<String, Object> variables) {
        return asSystem(() -> decisionService.evaluateDecisionByKey(decisionKey)
                .variables(Variables.fromMap(variables)).evaluate().getResultList());
    }

    /** Every matched row; at least one, or the table has no rule for that measure. */
    public List<Map<String, Object>> rows(String decisionKey, String measure) {
        List<Map<String, Object>> rows = evaluate(decisionKey, measure);
        if (rows.isEmpty()) {
            throw new IllegalStateException("决策表 " + decisionKey + " 没有适用于措施 " + measure + " 的规则");
        }
        return rows;
    }

    public Map<String, Object> singleRow(String decisionKey, String measure) {
        return single(decisionKey, measure, rows(decisionKey, measure));
    }

    /** The one matched row, or empty when the table has no rule for that measure. */
    public Optional<Map<String, Object>> optionalSingleRow(String decisionKey, String measure) {
        List<Map<String, Object>> rows = evaluate(decisionKey, measure);
        return rows.isEmpty() ? Optional.empty() : Optional.of(single(decisionKey, measure, rows));
    }

    private static Map<String, Object> single(String decisionKey, String measure, List<Map<String, Object>> rows) {
        if (rows.size() != 1) {
            throw new IllegalStateException("决策表 " + decisionKey + " 对措施 " + measure + " 命中" + rows.size() + "条规则");
        }
        return rows.get(0);
    }

    private List<Map<String, Object>> evaluate(String decisionKey, String measure) {
        return asSystem(() -> decisionService.evaluateDecisionByKey(decisionKey)
                .variables(Variables.putValue("measure", measure))
                .evaluate()
                .getResultList());
    }

    /** Matched rows that a later caller in the same transaction cannot change for another. */
    private static List<Map<String, Object>> frozen(List<Map<String, Object>> matched) {
        return matched.stream().map(Collections::unmodifiableMap).toList();
    }

    /** A case, a table version and its inputs, null values included. */
    private record Question(String processInstanceId, String versionId, Map<String, Object> inputs) {

        Question {
            inputs = Collections.unmodifiableMap(new HashMap<>(inputs));
        }
    }

    private <T> T asSystem(Supplier<T> work) {
        return AsSystem.call(identityService, work);
    }
}
