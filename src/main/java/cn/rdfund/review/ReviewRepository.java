package cn.rdfund.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface ReviewRepository extends ListCrudRepository<Review, Long> {

    List<Review> findByProcessInstanceIdOrderById(String processInstanceId);

    Optional<Review> findByProcessInstanceIdAndExpertUserId(String processInstanceId, String expertUserId);
}
