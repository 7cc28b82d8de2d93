package cn.rdfund.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Read access only: rows are inserted by {@link Ledger} and never updated or deleted. */
public interface LedgerRepository extends Repository<LedgerEntry, Long> {

    List<LedgerEntry> findByProjectIdOrderByIdAsc(Long projectId);

    /** A page of one organization's entries, newest first (the foreign key's index on organization_id). */
    @Query("SELECT * FROM ledger_entry WHERE organization_id = :organizationId ORDER BY id DESC LIMIT :size OFFSET :offset")
    List<LedgerEntry> pageOfOrganization(long organizationId, int size, long offset);

    Optional<LedgerEntry> findByProjectIdAndMilestoneSeqAndKind(Long projectId, int milestoneSeq,
            LedgerEntryKind kind);

    long count();
}
