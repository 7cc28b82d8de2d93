package cn.rdfund.application;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface ApplicationRepository extends ListCrudRepository<Application, Long> {

    List<Application> findByCallId(Long callId);
}
