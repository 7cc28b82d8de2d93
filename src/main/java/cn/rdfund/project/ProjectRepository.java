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

    List<Project> findAllByOrderByCode();

    /** What an enterprise already holds under the given measures: the approved amounts of its projects. */
    @Query("SELECT COALESCE(SUM(approved_amount), 0) FROM project WHERE organization_id = :organizationId AND measure IN (:measures)")
    BigDecimal approvedTotal(@Param("organizationId") long organizationId, @Param("measures") Collection<String> measures);
}
