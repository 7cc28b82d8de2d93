package cn.rdfund.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface ApplicationRepository extends ListCrudRepository<Application, Long> {

    List<Application> findByCallId(Long callId);

    /** One organization's applications, for its own list (the foreign key's index on applicant_id). */
    List<Application> findByApplicantId(Long applicantId);

    Optional<Application> findByProcessInstanceId(String processInstanceId);
}
