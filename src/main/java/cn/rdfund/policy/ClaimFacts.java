package cn.rdfund.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a claimant declares, in the names the award tables read (bpmn/policy/awards/*.dmn). Amounts in yuan.
 * Which of them a measure needs is the table's business; the others stay null. {@code conditions} are the measure's
 * own conditions (the catalogue's {@code condition:} fields) as a JSON object of texts, each read by the table under
 * its name: a name ending in {@code Date} as a date, in {@code Yuan} as an exact amount, any other as text.
 */
public record ClaimFacts(LocalDate referenceDate, String category, BigDecimal baseYuan, BigDecimal previousOutputYuan,
        BigDecimal growthPercent, Integer headcount, Boolean qualified, BigDecimal requestedYuan, String conditions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ClaimFacts(LocalDate referenceDate, String category, BigDecimal baseYuan, BigDecimal previousOutputYuan,
            BigDecimal growthPercent, Integer headcount, Boolean qualified, BigDecimal requestedYuan) {
        this(referenceDate, category, baseYuan, previousOutputYuan, growthPercent, headcount, qualified, requestedYuan,
                null);
    }

    /** The conditions as written, in the order given (none: empty). */
    public static String conditionsJson(Map<String, String> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(conditions);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The conditions as texts by name, in the order given. */
    public Map<String, String> conditionTexts() {
        if (conditions == null || conditions.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(conditions, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("申领条件无法读取：" + conditions, e);
        }
    }

    public ClaimFacts withHeadcount(int count, Boolean qualifiedNow) {
        return new ClaimFacts(referenceDate, category, baseYuan, previousOutputYuan, growthPercent, count, qualifiedNow,
                requestedYuan, conditions);
    }

    Map<String, Object> variables(String measure) {
        Map<String, Object> variables = new HashMap<>();
        conditionTexts().forEach((name, text) -> variables.put(name, typed(name, text)));
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

    private static Object typed(String name, String text) {
        if (text == null) {
            return null;
        }
        if (name.endsWith("Date")) {
            return LocalDate.parse(text);
        }
        return name.endsWith("Yuan") ? new BigDecimal(text) : text;
    }
}
