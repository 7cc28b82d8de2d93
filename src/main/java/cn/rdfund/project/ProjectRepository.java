package cn.rdfund.project;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends ListCrudRepository<Project, Long> {

    Optional<Project> findByCode(String code);

    Optional<Project> findByApplicationId(Long applicationId);

    /**
     * A page of the projects a list may show, newest first: every one, or those of cases these units lead (their codes;
     * a placeholder when none; the lead unit of the project's call, challenge's call or claim, as CaseUnitLookup finds
     * it) and those of this organization.
     */
    @Query("""
            SELECT p.* FROM project p
              LEFT JOIN funding_call fc ON fc.id = p.call_id
              LEFT JOIN challenge ch ON ch.project_id = p.id
              LEFT JOIN funding_call cc ON cc.id = ch.call_id
              LEFT JOIN policy_claim pc ON pc.project_id = p.id
            WHERE :everything OR COALESCE(fc.lead_unit, cc.lead_unit, pc.lead_unit) IN (:leadUnits)
              OR p.organization_id = :organizationId
            ORDER BY p.id DESC LIMIT :size OFFSET :offset""")
    List<Project> page(boolean everything, Collection<String> leadUnits, long organizationId, int size, long offset);

    List<Project> findByApplicantUserIdOrderByCode(String applicantUserId);

    /** An enterprise's committed amounts (funded after caps, else approved), per measure, other projects than one. */
    @Query("""
            SELECT measure, SUM(COALESCE(funded_amount, approved_amount)) AS approved FROM project
            WHERE organization_id = :organizationId AND id <> :excludedProjectId GROUP BY measure""")
    List<ApprovedByMeasure> approvedByMeasure(@Param("organizationId") long organizationId,
            @Param("excludedProjectId") long excludedProjectId);

    record ApprovedByMeasure(String measure, BigDecimal approved) {
    }
}
