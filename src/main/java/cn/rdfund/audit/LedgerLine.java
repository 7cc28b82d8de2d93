package cn.rdfund.audit;

import cn.rdfund.disbursement.ReleaseEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One ledger row with what it was calculated from: the project (or award) and its measure, the enterprise and
 * district, the approved and funded amounts with the reason of any reduction, and for a disbursement its
 * instalment's share, release event and stored calculation; the finance approver.
 */
public record LedgerLine(long entryId, String kind, BigDecimal amount, LocalDateTime recordedAt, String approvedBy,
        String memo, long projectId, String projectCode, String projectTitle, String measure, long organizationId,
        String organizationName, String uscc, String district, BigDecimal approvedAmount, BigDecimal fundedAmount,
        String fundingNote, Integer instalmentPercent, String releasedBy, String instalmentBasis) {

    /** The same line with the instalment's release event in words (任务书签订 for SIGNING). */
    LedgerLine inWords() {
        return releasedBy == null ? this : new LedgerLine(entryId, kind, amount, recordedAt, approvedBy, memo, projectId,
                projectCode, projectTitle, measure, organizationId, organizationName, uscc, district, approvedAmount,
                fundedAmount, fundingNote, instalmentPercent, ReleaseEvent.label(releasedBy), instalmentBasis);
    }

    /** 拨付, 追回（应收） or 追回到账: the same words on the pages, in exports and in timelines. */
    @JsonProperty
    public String kindLabel() {
        return switch (kind) {
            case "DISBURSEMENT" -> "拨付";
            case "RECOVERY" -> "追回（应收）";
            default -> "追回到账";
        };
    }

    public int year() {
        return recordedAt.getYear();
    }
}
