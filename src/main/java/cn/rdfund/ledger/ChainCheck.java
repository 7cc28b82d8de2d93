package cn.rdfund.ledger;

import cn.rdfund.ledger.LedgerChain.AdminSealing;
import cn.rdfund.ledger.LedgerChain.CheckpointState;
import cn.rdfund.ledger.LedgerChain.Finding;
import cn.rdfund.ledger.LedgerChain.Verification;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the ledger rows against their seals, the chain head and the checkpoints written outside the database, and
 * names every kind of damage it finds ({@link Tampering}). Reads nothing itself: {@link LedgerChain} hands it what the
 * database and the checkpoint file hold.
 */
final class ChainCheck {

    static final int MAX_FINDINGS = 100;
    /** The chain head's number when its row is gone. */
    static final long NO_HEAD = -1;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SealKeys keys;
    private final Map<Long, LedgerEntry> unsealed;
    private final List<Seal> seals;
    private final long headSeq;
    private final String headMac;
    private final LedgerCheckpoint.Readout checkpoint;

    private final List<Finding> findings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<AdminSealing> adminSealings = new ArrayList<>();
    private final Map<String, Long> sealsByKey = new TreeMap<>();
    private long rowsChecked;

    ChainCheck(SealKeys keys, List<LedgerEntry> entries, List<Seal> seals, long headSeq, String headMac,
            LedgerCheckpoint.Readout checkpoint) {
        this.keys = keys;
        this.unsealed = entries.stream().collect(Collectors.toMap(LedgerEntry::id, Function.identity(), (a, b) -> a,
                TreeMap::new));
        this.seals = seals.stream().sorted(Comparator.comparingLong(Seal::seq)).toList();
        this.headSeq = headSeq;
        this.headMac = headMac;
        this.checkpoint = checkpoint;
    }

    Verification run() {
        String previous = walkSeals();
        long lastSeq = seals.isEmpty() ? 0 : seals.get(seals.size() - 1).seq();
        checkHead(lastSeq, previous);
        CheckpointState state = checkCheckpoint(lastSeq);
        unsealed.keySet().forEach(id -> finding(Tampering.UNSEALED_ROW, null, id, "台账记录#" + id
                + "没有封存：未经记账程序写入（被直接插入数据库），或其封存已被删除；须由管理员核实后补封"));
        Finding first = findings.isEmpty() ? null : findings.get(0);
        return new Verification(findings.isEmpty(), rowsChecked, first == null ? null : first.entryId(),
                first == null ? null : first.seq(), first == null ? null : first.message(), findings.size(),
                List.copyOf(findings.subList(0, Math.min(MAX_FINDINGS, findings.size()))), List.copyOf(unsealed.keySet()),
                List.copyOf(adminSealings), Map.copyOf(sealsByKey), state, List.copyOf(warnings));
    }

    /** Follows the seals in order; returns the last seal's MAC (the genesis value without seals). */
    private String walkSeals() {
        String previous = SealFormat.GENESIS;
        long expected = 1;
        for (Seal seal : seals) {
            if (seal.seq() > expected) {
                String which = seal.seq() - 1 == expected ? "第" + expected + "条封存" : "第" + expected + "–" + (seal.seq() - 1) + "条封存";
                finding(Tampering.MISSING_SEAL, expected, null, which + "缺失：台账记录连同其封存被删除，封存链在此断开");
            } else if (!seal.prevMac().equals(previous)) {
                finding(Tampering.CHAIN_BROKEN, seal.seq(), seal.entryId(), "第" + seal.seq() + "条封存（台账记录#" + seal.entryId()
                        + "）接不上前一条封存：封存被改写或调换了顺序");
            }
            check(seal);
            previous = seal.mac();
            expected = seal.seq() + 1;
        }
        return previous;
    }

    private void check(Seal seal) {
        LedgerEntry entry = unsealed.remove(seal.entryId());
        String where = "第" + seal.seq() + "条封存（台账记录#" + seal.entryId() + "）";
        if (entry == null) {
            finding(Tampering.DELETED_ROW, seal.seq(), seal.entryId(), "台账记录#" + seal.entryId() + "已被删除（第" + seal.seq()
                    + "条封存仍在）");
        } else if (!keys.knows(seal.keyId())) {
            finding(Tampering.UNKNOWN_KEY, seal.seq(), seal.entryId(), where + "使用了未知密钥“" + seal.keyId()
                    + "”：本系统没有这个密钥（未配置或已移除），或封存是伪造的");
        } else if (!SealFormat.rowDigest(entry).equals(seal.rowDigest())) {
            finding(Tampering.MODIFIED_ROW, seal.seq(), seal.entryId(), "台账记录#" + seal.entryId() + "的内容与第" + seal.seq()
                    + "条封存不符：记录在封存后被修改");
        } else if (!keys.verifies(seal.keyId(), seal.content(), seal.mac())) {
            finding(Tampering.FORGED_SEAL, seal.seq(), seal.entryId(), where + "不能用密钥“" + seal.keyId()
                    + "”验证：封存被改写，或被人用其他密钥重新封存（记录可能已被修改）");
        } else {
            rowsChecked++;
            sealsByKey.merge(seal.keyId(), 1L, Long::sum);
            if (seal.sealedBy() != null) {
                adminSealed(seal);
            }
        }
    }

    /** Consecutive seals of one administrator's action (same person, same second) make one entry. */
    private void adminSealed(Seal seal) {
        AdminSealing last = adminSealings.isEmpty() ? null : adminSealings.get(adminSealings.size() - 1);
        if (last != null && last.sealedBy().equals(seal.sealedBy()) && last.sealedAt().equals(seal.sealedAt())
                && last.lastSeq() == seal.seq() - 1) {
            adminSealings.set(adminSealings.size() - 1, new AdminSealing(last.sealedBy(), last.sealedAt(), last.keyId(),
                    last.firstSeq(), seal.seq(), last.rows() + 1));
        } else {
            adminSealings.add(new AdminSealing(seal.sealedBy(), seal.sealedAt(), seal.keyId(), seal.seq(), seal.seq(), 1));
        }
    }

    private void checkHead(long lastSeq, String lastMac) {
        if (headSeq == NO_HEAD) {
            finding(Tampering.HEAD_MISMATCH, null, null, "链头记录被删除：新的台账记录将无法封存");
        } else if (seals.isEmpty() && headSeq > 0) {
            wiped("链头记到第" + headSeq + "条封存");
        } else if (headSeq > lastSeq) {
            finding(Tampering.TRUNCATED, lastSeq + 1, null, "链尾被截断：链头记到第" + headSeq + "条封存，封存表只到第" + lastSeq
                    + "条，其后的封存（及其台账记录）被删除");
        } else if (headSeq != lastSeq || !headMac.equals(lastMac)) {
            finding(Tampering.HEAD_MISMATCH, headSeq, null, "链头（第" + headSeq + "条）与最后一条封存（第" + lastSeq
                    + "条）不符：链头被改动");
        }
    }

    private CheckpointState checkCheckpoint(long lastSeq) {
        checkpoint.unreadableLines().forEach(line -> warnings.add("检查点文件第" + line + "行无法识别，已跳过"));
        Optional<LedgerCheckpoint.Mark> newest = checkpoint.marks().stream().max(Comparator.comparingLong(LedgerCheckpoint.Mark::seq));
        if (newest.isEmpty()) {
            if (lastSeq > 0 || !unsealed.isEmpty()) {
                warnings.add("没有检查点" + (checkpoint.exists() ? "记录" : "文件")
                        + "：数据库之外没有链头的记录，链尾被截断时无法发现（检查点在下一次封存后写入）");
            }
            return new CheckpointState(checkpoint.exists(), 0, null, null, null, 0);
        }
        LedgerCheckpoint.Mark last = newest.get();
        Map<Long, Seal> bySeq = seals.stream().collect(Collectors.toMap(Seal::seq, Function.identity()));
        boolean headFindingAlready = findings.stream().anyMatch(f -> f.kind() == Tampering.SEALS_WIPED || f.kind() == Tampering.TRUNCATED);
        if (seals.isEmpty()) {
            if (!headFindingAlready) {
                wiped("检查点记到第" + last.seq() + "条封存（" + time(last) + "），链头也被重置");
            }
        } else if (last.seq() > lastSeq && !headFindingAlready) {
            finding(Tampering.TRUNCATED, lastSeq + 1, null, "链尾被截断：检查点记到第" + last.seq() + "条封存（" + time(last)
                    + "），数据库只到第" + lastSeq + "条，其后的台账记录和封存被删除、链头被重置");
        }
        List<LedgerCheckpoint.Mark> differing = checkpoint.marks().stream()
                .filter(mark -> bySeq.containsKey(mark.seq()) && !bySeq.get(mark.seq()).mac().equals(mark.mac()))
                .sorted(Comparator.comparingLong(LedgerCheckpoint.Mark::seq)).toList();
        if (!differing.isEmpty()) {
            LedgerCheckpoint.Mark mark = differing.get(0);
            Seal seal = bySeq.get(mark.seq());
            finding(Tampering.CHECKPOINT_MISMATCH, mark.seq(), seal.entryId(), "第" + mark.seq() + "条封存与检查点（" + time(mark)
                    + "）不符" + (differing.size() > 1 ? "（共" + differing.size() + "个检查点不符）" : "")
                    + "：封存链在数据库中被改写或重新封存");
        }
        long after = Math.max(0, lastSeq - last.seq());
        if (after > 0) {
            warnings.add("最后" + after + "条封存晚于最近的检查点（第" + last.seq() + "条，" + time(last)
                    + "）：多为提交后、写检查点前应用中断，或由另一节点封存；这一段链尾被截断时检查点发现不了，下一次封存后恢复");
        }
        return new CheckpointState(true, checkpoint.marks().size(), last.seq(), last.at(), last.keyId(), after);
    }

    /** No seal left: with the rows still there the seals were wiped; without them, the whole chain was cut. */
    private void wiped(String evidence) {
        if (unsealed.isEmpty()) {
            finding(Tampering.TRUNCATED, 1L, null, "链尾被截断：" + evidence + "，数据库中的台账记录和封存全部被删除");
        } else {
            finding(Tampering.SEALS_WIPED, null, null, "封存记录被清空：" + evidence + "，封存表中一条也没有，"
                    + unsealed.size() + "条台账记录失去封存");
        }
    }

    private static String time(LedgerCheckpoint.Mark mark) {
        return mark.at().format(SHOWN);
    }

    private void finding(Tampering kind, Long seq, Long entryId, String message) {
        findings.add(new Finding(kind, kind.label(), seq, entryId, message));
    }
}
