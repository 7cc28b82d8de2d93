package cn.rdfund.application;

import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** An application as the applicant filled in the form (variables of process FundingApplication). */
public record ApplicationDraft(Long callId, String title, BigDecimal requested, BigDecimal coFunding,
        List<String> partnerUsccs) {

    public static ApplicationDraft from(Map<String, Object> variables) {
        String callId = FormValues.text(variables.get(FundingApplicationProcess.CALL_ID));
        String coFunding = FormValues.text(variables.get("coFundingWan"));
        String partners = FormValues.text(variables.get("partnerUsccs"));
        return new ApplicationDraft(
                callId != null && callId.matches("\\d{1,18}") ? Long.valueOf(callId) : null,
                FormValues.text(variables.get("title")),
                WanInput.toYuan(FormValues.text(variables.get("requestedWan"))).orElse(null),
                coFunding == null || coFunding.isEmpty() ? BigDecimal.ZERO.setScale(2) : WanInput.toYuan(coFunding).orElse(null),
                partners == null ? List.of() : Arrays.stream(partners.split("[\\s,，;；]+"))
                        .map(String::strip).filter(s -> !s.isEmpty()).map(String::toUpperCase).distinct().toList());
    }
}
