package cn.rdfund.call;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface FundingCallRepository extends ListCrudRepository<FundingCall, Long> {

    Optional<FundingCall> findByCode(String code);

    Optional<FundingCall> findByProcessInstanceId(String processInstanceId);
}
