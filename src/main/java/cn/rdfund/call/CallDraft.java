package cn.rdfund.call;

import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A call as the program manager drafted it in the form (variables of process FundingCall). Amounts
 * are typed in 万元 and held in yuan; dates are the first and last day of the application window.
 */
public record CallDraft(String title, String measure, List<String> areas, BigDecimal totalBudget,
        BigDecimal projectCap, LocalDate opensOn, LocalDate closesOn) {

    public static final List<String> MEASURES = List.of("P1.1a", "P1.1b");

    /** Reads the draft from the process variables; fields that cannot be read are null (see {@link CallDraftRule}). */
    public static CallDraft from(Map<String, Object> variables) {
        return new CallDraft(
                FormValues.text(variables.get("title")),
                FormValues.text(variables.get("measure")),
                FormValues.texts(variables.get("areas")),
                WanInput.toYuan(FormValues.text(variables.get("totalBudgetWan"))).orElse(null),
                WanInput.toYuan(FormValues.text(variables.get("projectCapWan"))).orElse(null),
                date(variables.get("opensOn")),
                date(variables.get("closesOn")));
    }

    private static LocalDate date(Object value) {
        String text = FormValues.text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
