package cn.rdfund.ledger;

import cn.rdfund.system.Rows;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's seal chain. Each row written through {@link Ledger} is sealed in the same transaction: seal n holds the
 * row's digest and HMAC-SHA256, under a key kept outside the database ({@link SealKeys}), over its place in the chain
 * and seal n−1's MAC. After the transaction commits, the chain head is checkpointed outside the database
 * ({@link LedgerCheckpoint}). Nothing seals rows on its own: rows that came in around the ledger stay unsealed, and
 * {@link #verify()} reports them, until an administrator seals them ({@link #sealUnsealed}).
 */
@Component
public class LedgerChain {

    /** The chain head, locked: sealing and checking hold it, so seals come one at a time and a check sees none arrive. */
    private static final String LOCK_HEAD = "SELECT last_seq, last_mac FROM ledger_chain_head WHERE id = 1 FOR UPDATE";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SealKeys keys;
    private final LedgerCheckpoint checkpoint;

    LedgerChain(JdbcClient jdbc, Clock clock, SealKeys keys, LedgerCheckpoint checkpoint) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
        this.checkpoint = checkpoint;
    }

    /** Seals a row just written; the head row's lock gives every seal one place in the chain. */
    @Transactional(propagation = Propagation.MANDATORY)
    void seal(LedgerEntry entry) {
        seal(entry, null, LocalDateTime.now(clock).withNano(0));
    }

    private Seal seal(LedgerEntry entry, String sealedBy, LocalDateTime now) {
        Map<String, Object> head = jdbc.sql(LOCK_HEAD)
                .query().singleRow();
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String keyId = keys.activeKeyId();
        String digest = SealFormat.rowDigest(entry);
        String previous = (String) head.get("last_mac");
        String mac = keys.mac(keyId, SealFormat.sealContent(seq, keyId, entry.id(), digest, previous, now, sealedBy));
        jdbc.sql("""
                INSERT INTO ledger_seal (seq, entry_id, key_id, row_digest, prev_mac, mac, sealed_at, sealed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, entry.id(), keyId, digest, previous, mac, now, sealedBy).update();
        jdbc.sql("UPDATE ledger_chain_head SET last_seq = ?, last_mac = ? WHERE id = 1").params(seq, mac).update();
        checkpointAfterCommit().head(seq, mac, keyId);
        return new Seal(seq, entry.id(), keyId, digest, previous, mac, now, sealedBy);
    }

    /** What an administrator's sealing did. */
    public record Sealing(List<Long> entryIds, long firstSeq, long lastSeq, String keyId, String sealedBy,
            LocalDateTime sealedAt) {
    }

    /**
     * Seals rows that have no seal (written around the ledger, or before the keyed chain), in id order, recording the
     * administrator in each seal. Only rows without any seal: a row whose seal no longer matches stays reported. Either
     * every named row is sealed or, if one does not exist or is already sealed, none.
     */
    @Transactional
    Sealing sealUnsealed(Collection<Long> entryIds, String administrator) {
        if (entryIds == null || entryIds.isEmpty() || entryIds.stream().anyMatch(Objects::isNull)) {
            throw new SealingRefused("请列出核实过、要补封的台账记录编号（entryIds）");
        }
        List<LedgerEntry> rows = new ArrayList<>();
        for (long id : new TreeSet<>(entryIds)) {
            LedgerEntry entry = jdbc.sql("SELECT * FROM ledger_entry WHERE id = ?").param(id).query(Rows.of(LedgerEntry.class))
                    .optional().orElseThrow(() -> new SealingRefused("台账记录#" + id + "不存在"));
            Optional<Long> sealedAs = jdbc.sql("SELECT seq FROM ledger_seal WHERE entry_id = ?").param(id).query(Long.class).optional();
            if (sealedAs.isPresent()) {
                throw new SealingRefused("台账记录#" + id + "已有封存（第" + sealedAs.get() + "条），不能再次封存");
            }
            rows.add(entry);
        }
        // One time for the whole action: the check shows seals of one person and one second as one sealing.
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        List<Seal> made = rows.stream().map(row -> seal(row, administrator, now)).toList();
        Seal first = made.get(0);
        return new Sealing(rows.stream().map(LedgerEntry::id).toList(), first.seq(), made.get(made.size() - 1).seq(),
                first.keyId(), administrator, first.sealedAt());
    }

    /** The outcome of a verification: every row checked, or what does not match, named. */
    public record Verification(boolean intact, long rowsChecked, Long firstBadEntryId, Long firstBadSeq, String problem,
            int findingCount, List<Finding> findings, List<Long> unsealedEntryIds, List<AdminSealing> adminSealings,
            Map<String, Long> sealsByKey, CheckpointState checkpoint, List<String> warnings) {
    }

    /** One thing that does not match: its kind, where (seal number, ledger row) and what it means, in words. */
    public record Finding(Tampering kind, String label, Long seq, Long entryId, String message) {
    }

    /** Rows an administrator sealed afterwards, from the (verified) seals themselves. */
    public record AdminSealing(String sealedBy, LocalDateTime sealedAt, String keyId, long firstSeq, long lastSeq, int rows) {
    }

    /** The checkpoint file: whether it is there, how many heads it holds, the newest, and how many seals came after. */
    public record CheckpointState(boolean present, int marks, Long lastSeq, OffsetDateTime lastAt, String lastKeyId,
            long sealsAfter) {
    }

    /**
     * Checks the whole chain. It holds the head row's lock while it reads (as sealing does), so no payment is sealed
     * between its reads: under READ COMMITTED each read sees the latest commits, and a seal committed between reading
     * the rows and the seals would look like a deleted row or a truncated chain.
     */
    @Transactional
    public Verification verify() {
        Optional<Map<String, Object>> head = jdbc.sql(LOCK_HEAD)
                .query().listOfRows().stream().findFirst();
        List<LedgerEntry> entries = jdbc.sql("SELECT * FROM ledger_entry").query(Rows.of(LedgerEntry.class)).list();
        List<Seal> seals = jdbc.sql("""
                SELECT seq, entry_id, key_id, row_digest, prev_mac, mac, sealed_at, sealed_by FROM ledger_seal ORDER BY seq""")
                .query(Rows.of(Seal.class)).list();
        return new ChainCheck(keys, entries, seals, head.map(h -> ((Number) h.get("last_seq")).longValue()).orElse(ChainCheck.NO_HEAD),
                head.map(h -> (String) h.get("last_mac")).orElse(""), checkpoint.read()).run();
    }

    /** How many ledger rows have no seal (read-only; see {@code UnsealedRowsReport}). */
    @Transactional(readOnly = true)
    public long unsealedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry e LEFT JOIN ledger_seal s ON s.entry_id = e.id WHERE s.seq IS NULL")
                .query(Long.class).single();
    }

    /** The transaction's head, to be written to the checkpoint once (and only if) the transaction commits. */
    private CheckpointAfterCommit checkpointAfterCommit() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(CheckpointAfterCommit.class::isInstance).map(CheckpointAfterCommit.class::cast).findFirst()
                .orElseGet(() -> {
                    CheckpointAfterCommit pending = new CheckpointAfterCommit();
                    TransactionSynchronizationManager.registerSynchronization(pending);
                    return pending;
                });
    }

    private final class CheckpointAfterCommit implements TransactionSynchronization {

        private long seq;
        private String mac;
        private String keyId;

        void head(long seq, String mac, String keyId) {
            this.seq = seq;
            this.mac = mac;
            this.keyId = keyId;
        }

        @Override
        public void afterCommit() {
            checkpoint.append(seq, mac, keyId);
        }
    }
}
