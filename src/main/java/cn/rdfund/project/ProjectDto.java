package cn.rdfund.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A project as portals read it; amounts in yuan, with a 万元 display where people read them. */
public record ProjectDto(
        Long id,
        String code,
        String title,
        String measure,
        Long organizationId,
        Long callId,
        Long applicationId,
        BigDecimal approvedAmount,
        String approvedAmountDisplay,
        BigDecimal fundedAmount,
        String fundingNote,
        String status,
        LocalDate startDate,
        LocalDate endDate,
        LocalDate midtermDate,
        String indicators,
        int extensionMonths,
        BigDecimal spentAmount,
        List<MilestoneDto> milestones) {

    public record MilestoneDto(int seq, String title, LocalDate dueDate, BigDecimal plannedAmount, String status) {
    }
}
