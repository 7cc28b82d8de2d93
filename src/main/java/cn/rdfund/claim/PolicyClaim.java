package cn.rdfund.claim;

import cn.rdfund.policy.ClaimFacts;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A claim (申领) under one award measure: what was declared, the policy version and table version it was judged
 * by, the calculation, the comparison with other awards (从优、就高、不重复), the outcome and the funding record
 * (a project of the claim's measure) that pays it. Written step by step by {@link ClaimService}.
 */
@Table("policy_claim")
public record PolicyClaim(
        @Id Long id,
        String code,
        String processInstanceId,
        String measure,
        String measureName,
        String policyVersion,
        String catalogueDecisionId,
        String leadUnit,
        Long organizationId,
        String claimantUserId,
        String title,
        @Embedded.Nullable ClaimFacts facts,
        String documents,
        BigDecimal otherAward,
        String otherAwardPolicy,
        boolean otherAwardWaived,
        String payeeBank,
        String payeeAccount,
        String awardDecisionId,
        Integer awardDecisionVersion,
        String ruleBasis,
        BigDecimal calculatedAmount,
        String calculation,
        String committeeRef,
        String committeeRationale,
        String committeeRecordedBy,
        String overlapRule,
        String overlapNote,
        BigDecimal payableAmount,
        String status,
        String statusReason,
        String decidedBy,
        LocalDateTime noticeEndsAt,
        LocalDateTime awardedAt,
        Long projectId,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String CORRECTION = "CORRECTION";
    public static final String REJECTED = "REJECTED";
    public static final String CHECKED = "CHECKED";
    public static final String INELIGIBLE = "INELIGIBLE";
    public static final String COMMITTEE = "COMMITTEE";
    public static final String DECLINED = "DECLINED";
    public static final String CALCULATED = "CALCULATED";
    public static final String NOTHING_DUE = "NOTHING_DUE";
    public static final String REFUSED = "REFUSED";
    public static final String APPROVED = "APPROVED";
    public static final String NOTICE = "NOTICE";
    public static final String OBJECTION_UPHELD = "OBJECTION_UPHELD";
    public static final String NOTICE_PASSED = "NOTICE_PASSED";
    public static final String AWARDED = "AWARDED";
    public static final String PAID = "PAID";
    public static final String WITHDRAWN = "WITHDRAWN";

    /** Claims that are still going or were paid: a second claim for the same item is refused while one exists. */
    static final Set<String> LIVE_OR_PAID = Set.of(SUBMITTED, CORRECTION, CHECKED, COMMITTEE, CALCULATED, APPROVED,
            NOTICE, NOTICE_PASSED, AWARDED, PAID);

    static PolicyClaim submitted(String processInstanceId, Filing filing, long organizationId, String claimantUserId,
            ClaimSubmission submission, LocalDateTime now) {
        return new PolicyClaim(null, "DX-" + processInstanceId, processInstanceId, filing.measure(), filing.measureName(),
                filing.policyVersion(), filing.catalogueDecisionId(), filing.leadUnit(), organizationId, claimantUserId,
                submission.title(), submission.facts(), submission.documents(), submission.otherAward(),
                submission.otherAwardPolicy(), submission.otherAwardWaived(), submission.payee().bank(),
                submission.payee().account(), filing.awardDecisionId(),
                filing.awardDecisionVersion(), null, null, null, null, null, null, null, null, null, SUBMITTED, null,
                null, null, null, null, now, now);
    }
}
