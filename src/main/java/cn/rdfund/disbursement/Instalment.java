package cn.rdfund.disbursement;

import java.math.BigDecimal;

/** One planned instalment of a project, as the schedule and the caps gave it when the agreement was signed. */
public record Instalment(Long projectId, int seq, int percent, String releasedBy, BigDecimal amount) {
}
