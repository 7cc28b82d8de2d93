package cn.rdfund.disbursement;

import java.math.BigDecimal;

/**
 * One planned instalment of a project, as the schedule and the caps gave it when the agreement was signed, or (揭榜挂帅)
 * a stage of the support with the calculation it came from ({@code basis}).
 */
public record Instalment(Long projectId, int seq, int percent, String releasedBy, BigDecimal amount, String basis) {

    public Instalment(Long projectId, int seq, int percent, String releasedBy, BigDecimal amount) {
        this(projectId, seq, percent, releasedBy, amount, null);
    }
}
