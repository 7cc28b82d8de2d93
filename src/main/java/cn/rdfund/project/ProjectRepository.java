package cn.rdfund.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends ListCrudRepository<Project, Long> {

    Optional<Project> findByCode(String code);

    List<Project> findAllByOrderByCode();

    /** An enterprise's approved amounts, per measure of its projects. */
    @Query("SELECT measure, SUM(approved_amount) AS approved FROM project WHERE organization_id = :organizationId GROUP BY measure")
    List<ApprovedByMeasure> approvedByMeasure(@Param("organizationId") long organizationId);

    record ApprovedByMeasure(String measure, BigDecimal approved) {
    }
}
