package cn.rdfund.ledger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes disbursements and recoveries; the only code that inserts into the ledger. */
@Service
public class Ledger {

    private final JdbcAggregateTemplate jdbc;
    private final LedgerChain chain;
    private final Clock clock;

    Ledger(JdbcAggregateTemplate jdbc, LedgerChain chain, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Appends one entry. A second posting with the same project, milestone and kind is refused by the
     * database's unique key and reported as {@link DuplicateLedgerEntryException}; nothing is written. The row is
     * sealed into the keyed seal chain ({@link LedgerChain}) in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry record(LedgerPosting posting, String recordedBy) {
        LedgerEntry entry = new LedgerEntry(null, posting.projectId(), posting.milestoneSeq(), posting.kind(),
                posting.amount(), posting.organizationId(), posting.memo(), posting.approvedBy(), recordedBy,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), posting.processInstanceId());
        try {
            LedgerEntry written = jdbc.insert(entry);
            chain.seal(written);
            return written;
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw new DuplicateLedgerEntryException(posting);
            }
            throw e;
        }
    }
}
