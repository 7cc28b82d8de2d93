package cn.rdfund.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What a claimant declares, in the names the award tables read (bpmn/policy/awards/*.dmn). Amounts in yuan.
 * Which of them a measure needs is the table's business; the others stay null.
 */
public record ClaimFacts(LocalDate referenceDate, String category, BigDecimal baseYuan, BigDecimal previousOutputYuan,
        BigDecimal growthPercent, Integer headcount, Boolean qualified, BigDecimal requestedYuan) {

    Map<String, Object> variables(String measure) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceDate", referenceDate);
        variables.put("measure", measure);
        variables.put("category", category);
        variables.put("baseYuan", baseYuan);
        variables.put("previousOutputYuan", previousOutputYuan);
        variables.put("growthPercent", growthPercent);
        variables.put("headcount", headcount);
        variables.put("qualified", qualified);
        variables.put("requestedYuan", requestedYuan);
        return variables;
    }
}
