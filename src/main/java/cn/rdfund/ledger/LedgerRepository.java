package cn.rdfund.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Read access only: rows are inserted by {@link Ledger} and never updated or deleted. */
public interface LedgerRepository extends Repository<LedgerEntry, Long> {

    List<LedgerEntry> findByProjectIdOrderByIdAsc(Long projectId);

    List<LedgerEntry> findByOrganizationIdOrderByIdAsc(Long organizationId);

    Optional<LedgerEntry> findByProjectIdAndMilestoneSeqAndKind(Long projectId, int milestoneSeq,
            LedgerEntryKind kind);

    long count();
}
