package cn.rdfund.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

public record ApplicationDto(
        Long id,
        String code,
        Long callId,
        Long applicantId,
        String title,
        BigDecimal requestedAmount,
        String requestedAmountDisplay,
        BigDecimal coFundingAmount,
        String coFundingAmountDisplay,
        List<Long> partnerIds,
        String status,
        LocalDateTime submittedAt,
        String projectSummary,
        String team,
        String workPlan,
        String promisedIndicators) {
}
