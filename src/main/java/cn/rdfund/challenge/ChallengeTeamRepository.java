package cn.rdfund.challenge;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface ChallengeTeamRepository extends ListCrudRepository<ChallengeTeam, Long> {

    List<ChallengeTeam> findByChallengeIdOrderById(Long challengeId);
}
