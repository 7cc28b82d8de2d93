package cn.rdfund.claim;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface ClaimOpinionRepository extends CrudRepository<ClaimOpinion, Long> {

    List<ClaimOpinion> findByClaimIdOrderByIdAsc(long claimId);

    Optional<ClaimOpinion> findByTaskId(String taskId);
}
