package cn.rdfund.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record ProjectDto(
        Long id,
        String code,
        String title,
        String measure,
        Long organizationId,
        BigDecimal approvedAmount,
        String approvedAmountDisplay,
        String status,
        LocalDate startDate,
        LocalDate endDate,
        List<MilestoneDto> milestones) {

    public record MilestoneDto(int seq, String title, LocalDate dueDate, BigDecimal plannedAmount, String status) {
    }
}
