package cn.rdfund.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface ApplicationRepository extends ListCrudRepository<Application, Long> {

    List<Application> findByCallId(Long callId);

    Optional<Application> findByProcessInstanceId(String processInstanceId);
}
