package cn.rdfund.claim;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A co-unit's opinion (配合单位意见) on a claim. */
@Table("policy_claim_opinion")
record ClaimOpinion(@Id Long id, long claimId, String unit, String opinion, String givenBy, LocalDateTime givenAt,
        String taskId) {
}
