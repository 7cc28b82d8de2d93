package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads the challenge's forms as Camunda Forms submit them (amounts in 万元 as text, dates as ISO text). */
final class ChallengeForms {

    private ChallengeForms() {
    }

    static ChallengeDemand demand(Map<String, Object> variables) {
        return new ChallengeDemand(FormValues.text(variables.get(TITLE)), FormValues.text(variables.get(CHALLENGE_TEXT)),
                FormValues.text(variables.get(INDICATORS)), date(variables.get(SOLVE_BY)), amount(variables.get(COMMITTED_WAN)),
                FormValues.integer(variables.get(PARALLEL_TEAMS)));
    }

    /** 发榜 (again): the window's last day, and the indicators and amount as the manager publishes them. */
    record Publication(LocalDate closesOn, String indicators, BigDecimal committed) {
    }

    static Publication publication(Map<String, Object> variables) {
        return new Publication(date(variables.get(CLOSES_ON)), FormValues.text(variables.get(INDICATORS)),
                amount(variables.get(COMMITTED_WAN)));
    }

    static LocalDate date(Object value) {
        String text = FormValues.text(value);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal amount(Object value) {
        if (value instanceof Number number) {
            return WanInput.toYuan(new BigDecimal(number.toString()).toPlainString()).orElse(null);
        }
        return WanInput.toYuan(FormValues.text(value)).orElse(null);
    }
}
