package cn.rdfund.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface OrganizationRepository extends ListCrudRepository<Organization, Long> {

    Optional<Organization> findByUscc(String uscc);

    List<Organization> findAllByOrderByName();
}
