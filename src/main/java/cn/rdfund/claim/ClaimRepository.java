package cn.rdfund.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Claims; each step of the claim process writes its own columns, so a retried step rewrites only those. */
interface ClaimRepository extends CrudRepository<PolicyClaim, Long> {

    Optional<PolicyClaim> findByProcessInstanceId(String processInstanceId);

    /**
     * A page of the claims a list may show, newest first: every one, or those these units lead (their codes; a
     * placeholder when none; ix_policy_claim_lead_unit) and those of this organization (ix_policy_claim_same_item).
     */
    @Query("""
            SELECT * FROM policy_claim WHERE :everything OR lead_unit IN (:leadUnits) OR organization_id = :organizationId
            ORDER BY id DESC LIMIT :size OFFSET :offset""")
    List<PolicyClaim> page(boolean everything, Collection<String> leadUnits, long organizationId, int size, long offset);

    /** The organization's claims under one measure (index ix_policy_claim_same_item), not its whole history. */
    List<PolicyClaim> findByOrganizationIdAndMeasureOrderByIdAsc(long organizationId, String measure);

    /**
     * The organization's first claim in one of these statuses for the same measure, reference date and category (or
     * both without one), other than this process's: read through ix_policy_claim_same_item, whatever the
     * organization claimed before.
     */
    @Query("""
            SELECT * FROM policy_claim
            WHERE organization_id = :organizationId AND measure = :measure AND reference_date = :referenceDate
              AND COALESCE(category, '') = COALESCE(:category, '') AND status IN (:statuses)
              AND process_instance_id <> :processInstanceId
            ORDER BY id LIMIT 1""")
    Optional<PolicyClaim> findSameItem(long organizationId, String measure, LocalDate referenceDate, String category,
            Collection<String> statuses, String processInstanceId);

    @Modifying
    @Query("UPDATE policy_claim SET code = :code WHERE id = :id")
    void setCode(long id, String code);

    @Modifying
    @Query("""
            UPDATE policy_claim SET measure = :measure, measure_name = :measureName, policy_version = :policyVersion,
              catalogue_decision_id = :catalogueDecisionId, award_decision_id = :awardDecisionId,
              award_decision_version = :awardDecisionVersion, lead_unit = :leadUnit, title = :title,
              reference_date = :referenceDate, category = :category, base_yuan = :baseYuan,
              previous_output_yuan = :previousOutputYuan, growth_percent = :growthPercent, headcount = :headcount,
              qualified = :qualified, requested_yuan = :requestedYuan, conditions = :conditions, documents = :documents,
              other_award = :otherAward, other_award_policy = :otherAwardPolicy, other_award_waived = :otherAwardWaived,
              payee_bank = :payeeBank, payee_account = :payeeAccount,
              status = 'SUBMITTED', status_reason = NULL, updated_at = :at
            WHERE id = :id""")
    void resubmit(long id, String measure, String measureName, String policyVersion, String catalogueDecisionId,
            String awardDecisionId, int awardDecisionVersion, String leadUnit, String title, LocalDate referenceDate, String category, BigDecimal baseYuan,
            BigDecimal previousOutputYuan, BigDecimal growthPercent, Integer headcount, Boolean qualified,
            BigDecimal requestedYuan, String conditions, String documents, BigDecimal otherAward,
            String otherAwardPolicy, boolean otherAwardWaived, String payeeBank, String payeeAccount, LocalDateTime at);

    /** Serialises the registration of one organization's claims (the duplicate check). */
    @Query("SELECT id FROM organization WHERE id = :id FOR UPDATE")
    Long lockOrganization(long id);

    @Modifying
    @Query("UPDATE policy_claim SET status = :status, updated_at = :at WHERE id = :id")
    void setStatusOnly(long id, String status, LocalDateTime at);

    @Modifying
    @Query("UPDATE policy_claim SET status = :status, status_reason = :reason, decided_by = :by, updated_at = :at"
            + " WHERE id = :id")
    void setStatus(long id, String status, String reason, String by, LocalDateTime at);

    @Modifying
    @Query("""
            UPDATE policy_claim SET award_decision_id = :decisionId, award_decision_version = :decisionVersion,
              policy_version = :policyVersion, rule_basis = :basis, calculated_amount = :amount,
              calculation = :calculation, status = :status, status_reason = :reason, updated_at = :at
            WHERE id = :id""")
    void setCalculation(long id, String decisionId, Integer decisionVersion, String policyVersion, String basis,
            BigDecimal amount, String calculation, String status, String reason, LocalDateTime at);

    @Modifying
    @Query("""
            UPDATE policy_claim SET committee_ref = :ref, committee_rationale = :rationale,
              committee_recorded_by = :by, calculated_amount = :amount, calculation = :calculation, updated_at = :at
            WHERE id = :id""")
    void setCommitteeDecision(long id, String ref, String rationale, String by, BigDecimal amount,
            String calculation, LocalDateTime at);

    @Modifying
    @Query("""
            UPDATE policy_claim SET overlap_rule = :rule, overlap_note = :note, payable_amount = :payable,
              status = :status, status_reason = :reason, updated_at = :at
            WHERE id = :id""")
    void setSettlement(long id, String rule, String note, BigDecimal payable, String status, String reason,
            LocalDateTime at);

    @Modifying
    @Query("UPDATE policy_claim SET status = 'NOTICE', notice_ends_at = :endsAt, updated_at = :at WHERE id = :id")
    void startNotice(long id, LocalDateTime endsAt, LocalDateTime at);

    @Modifying
    @Query("UPDATE policy_claim SET status = 'AWARDED', project_id = :projectId, awarded_at = :at, updated_at = :at"
            + " WHERE id = :id AND project_id IS NULL")
    void award(long id, long projectId, LocalDateTime at);
}
