package cn.rdfund.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's hash chain. Each row written through {@link Ledger} is sealed in the same transaction: seal n holds
 * SHA-256(seal n−1's hash | the row's content). {@link #verify()} recomputes the chain and names the first row that
 * was changed, removed or added behind the application's back.
 */
@Component
public class LedgerChain {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerChain(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Seals a row just written; the head row's lock gives every seal one place in the chain. */
    @Transactional(propagation = Propagation.MANDATORY)
    void seal(LedgerEntry entry) {
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM ledger_chain_head WHERE id = 1 FOR UPDATE")
                .query().singleRow();
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String previous = (String) head.get("last_hash");
        String hash = hash(previous, entry);
        jdbc.sql("INSERT INTO ledger_seal (seq, entry_id, prev_hash, row_hash, sealed_at) VALUES (?, ?, ?, ?, ?)")
                .params(seq, entry.id(), previous, hash, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)).update();
        jdbc.sql("UPDATE ledger_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
    }

    /** The outcome of a verification: every row checked, or the first that does not match and why. */
    public record Verification(boolean intact, long rowsChecked, Long firstBadEntryId, Long firstBadSeq, String problem) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        Map<Long, LedgerEntry> entries = jdbc.sql("SELECT * FROM ledger_entry").query(LedgerEntry.class).list().stream()
                .collect(Collectors.toMap(LedgerEntry::id, Function.identity()));
        List<Map<String, Object>> seals = jdbc.sql("SELECT seq, entry_id, prev_hash, row_hash FROM ledger_seal ORDER BY seq")
                .query().listOfRows();
        String previous = GENESIS;
        long expectedSeq = 1;
        for (Map<String, Object> seal : seals) {
            long seq = ((Number) seal.get("seq")).longValue();
            long entryId = ((Number) seal.get("entry_id")).longValue();
            if (seq != expectedSeq || !previous.equals(seal.get("prev_hash"))) {
                return broken(expectedSeq - 1, entryId, expectedSeq, "第" + expectedSeq + "条封存记录缺失或顺序被改动：台账在此处被删除或插入了记录");
            }
            LedgerEntry entry = entries.remove(entryId);
            if (entry == null) {
                return broken(seq - 1, entryId, seq, "台账记录#" + entryId + "已被删除（第" + seq + "条封存仍在）");
            }
            String hash = hash(previous, entry);
            if (!hash.equals(seal.get("row_hash"))) {
                return broken(seq - 1, entryId, seq, "台账记录#" + entryId + "的内容与封存时不一致：已被修改");
            }
            previous = hash;
            expectedSeq++;
        }
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM ledger_chain_head WHERE id = 1").query().singleRow();
        if (((Number) head.get("last_seq")).longValue() != expectedSeq - 1 || !previous.equals(head.get("last_hash"))) {
            return broken(expectedSeq - 1, null, expectedSeq, "最后" + (((Number) head.get("last_seq")).longValue() - expectedSeq + 1)
                    + "条封存记录已被删除：链尾与记录不符");
        }
        if (!entries.isEmpty()) {
            long first = entries.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
            return broken(expectedSeq - 1, first, null, "台账记录#" + first + "未经记账程序写入（没有封存）：系被直接插入");
        }
        return new Verification(true, expectedSeq - 1, null, null, null);
    }

    private static Verification broken(long checked, Long entryId, Long seq, String problem) {
        return new Verification(false, checked, entryId, seq, problem);
    }

    /** What the seal covers: every column of the row, amounts at two decimals, times to the second. */
    static String hash(String previous, LedgerEntry e) {
        String content = String.join("|", previous, String.valueOf(e.id()), String.valueOf(e.projectId()),
                String.valueOf(e.milestoneSeq()), e.kind().name(), plain(e.amount()), String.valueOf(e.organizationId()),
                String.valueOf(e.memo()), String.valueOf(e.approvedBy()), String.valueOf(e.recordedBy()),
                String.valueOf(e.recordedAt().truncatedTo(ChronoUnit.SECONDS)), String.valueOf(e.processInstanceId()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 不可用", e1);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    /** Seals rows written before the chain existed (an upgrade), once: only while the chain is still empty. */
    @Transactional
    public int sealExistingOnce() {
        Map<String, Object> head = jdbc.sql("SELECT last_seq FROM ledger_chain_head WHERE id = 1 FOR UPDATE").query().singleRow();
        if (((Number) head.get("last_seq")).longValue() != 0) {
            return 0;
        }
        List<LedgerEntry> existing = jdbc.sql("SELECT * FROM ledger_entry ORDER BY id").query(LedgerEntry.class).list();
        existing.forEach(this::seal);
        return existing.size();
    }
}
