package cn.rdfund.call;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

public record CallDto(
        Long id,
        String code,
        String title,
        String measure,
        List<String> areas,
        BigDecimal totalBudget,
        String totalBudgetDisplay,
        BigDecimal projectCap,
        String projectCapDisplay,
        LocalDateTime opensAt,
        LocalDateTime closesAt,
        String status) {
}
