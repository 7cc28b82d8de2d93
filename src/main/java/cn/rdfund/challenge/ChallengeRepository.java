package cn.rdfund.challenge;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ChallengeRepository extends ListCrudRepository<Challenge, Long> {

    Optional<Challenge> findByProcessInstanceId(String processInstanceId);
}
