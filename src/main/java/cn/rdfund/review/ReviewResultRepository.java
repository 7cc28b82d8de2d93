package cn.rdfund.review;

import org.springframework.data.repository.CrudRepository;

public interface ReviewResultRepository extends CrudRepository<ReviewResult, Long> {
}
