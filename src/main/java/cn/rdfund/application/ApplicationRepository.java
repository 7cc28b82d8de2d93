package cn.rdfund.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ApplicationRepository extends ListCrudRepository<Application, Long> {

    /** Every application a call has received (a draft is not stored before it is submitted). */
    long countByCallId(long callId);

    List<Application> findByCallId(Long callId);

    /**
     * A page of the applications a list may show, newest first: every one, or those to calls these units lead (their
     * codes; a placeholder when none) and those of this organization; of one call or of all.
     */
    @Query("""
            SELECT a.* FROM application a JOIN funding_call c ON c.id = a.call_id
            WHERE (:everything OR c.lead_unit IN (:leadUnits) OR a.applicant_id = :organizationId)
              AND (:callId IS NULL OR a.call_id = :callId)
            ORDER BY a.id DESC LIMIT :size OFFSET :offset""")
    List<Application> page(boolean everything, Collection<String> leadUnits, long organizationId, Long callId, int size,
            long offset);

    Optional<Application> findByProcessInstanceId(String processInstanceId);

    @Modifying
    @Query("UPDATE application SET code = :code WHERE id = :id")
    void setCode(long id, String code);
}
