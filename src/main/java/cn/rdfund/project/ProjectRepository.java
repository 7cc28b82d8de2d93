package cn.rdfund.project;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface ProjectRepository extends ListCrudRepository<Project, Long> {

    Optional<Project> findByCode(String code);

    List<Project> findAllByOrderByCode();
}
