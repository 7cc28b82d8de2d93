package cn.rdfund.expert;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface ExpertRepository extends ListCrudRepository<Expert, Long> {

    Optional<Expert> findByUserId(String userId);

    List<Expert> findAllByOrderByName();
}
