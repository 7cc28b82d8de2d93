package cn.rdfund.claim;

import cn.rdfund.policy.ClaimFields;
import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.policy.PolicyMeasure;
import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/** The measures as bpmn/policy/PolicyMeasures.dmn writes them, read without an engine (for tests of the form). */
final class CatalogueFile {

    static final List<PolicyMeasure> MEASURES = read(new File("bpmn/policy/PolicyMeasures.dmn"));

    private CatalogueFile() {
    }

    /** The facts a claim for the measure carries, whatever the date (the file has one version). */
    static ClaimFields claimFields(String measure, LocalDate ignored) {
        return MEASURES.stream().filter(m -> m.measure().equals(measure)).findFirst().map(PolicyMeasure::claimFields)
                .orElse(ClaimFields.NONE);
    }

    /** The measures as a catalogue file writes them; a file without the claimFields column lists none for any. */
    static List<PolicyMeasure> read(File file) {
        DecisionTable table = Dmn.readModelFromFile(file).getModelElementsByType(DecisionTable.class).iterator().next();
        List<String> names = table.getOutputs().stream().map(Output::getName).toList();
        List<PolicyMeasure> measures = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            Map<String, String> row = new HashMap<>();
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), entries.get(i).getText().getTextContent().replaceAll("^\"|\"$", ""));
            }
            measures.add(new PolicyMeasure(row.get("measure"), row.get("measureName"), row.get("policyVersion"),
                    LocalDate.parse(row.get("validFrom")), LocalDate.parse(row.get("validTo")), row.get("awardTable"),
                    LeadUnit.valueOf(row.get("leadUnit")), List.of(), row.get("recipient"), row.get("ruleText"),
                    ClaimFields.parse(row.get("claimFields")), "file"));
        }
        return List.copyOf(measures);
    }
}
