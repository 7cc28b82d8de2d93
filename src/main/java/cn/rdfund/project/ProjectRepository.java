package cn.rdfund.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends ListCrudRepository<Project, Long> {

    Optional<Project> findByCode(String code);

    Optional<Project> findByApplicationId(Long applicationId);

    List<Project> findAllByOrderByCode();

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
