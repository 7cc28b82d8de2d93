package cn.rdfund.challenge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One milestone of a team's contract: what it delivers by when, what the 发榜方 pays on passing, the report and
 * the assessment, the payment actually made (confirmed by finance) and the support instalment it gave rise to
 * (supportSeq; 0 when nothing was due).
 */
public record ContractMilestone(long teamId, int seq, String title, LocalDate dueDate, BigDecimal paymentAmount,
        String status, String report, LocalDateTime reportedAt, BigDecimal stageScore, String finding,
        BigDecimal paidAmount, String paymentVoucher, String paymentConfirmedBy, Integer supportSeq) {

    public static final String PLANNED = "PLANNED";
    public static final String PASSED = "PASSED";
    public static final String NOT_MET = "NOT_MET";
    /** Not reached: the team was cut at the stage gate or failed earlier. */
    public static final String CLOSED = "CLOSED";
}
