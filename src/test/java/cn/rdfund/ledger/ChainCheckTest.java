package cn.rdfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key rotation and the checkpoint's lag, on seals made here (no database: {@link ChainCheck} reads nothing). */
class ChainCheckTest {

    private static final String OLD = Base64.getEncoder().encodeToString(SealKeysTest.random(32));
    private static final String NEW = Base64.getEncoder().encodeToString(SealKeysTest.random(32));
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<Seal> seals = new ArrayList<>();

    @Test
    void afterARotationOldSealsVerifyWithTheirOwnKey() {
        sealRows(SealKeysTest.keys(Map.of("k2025", OLD), "k2025"), 2);
        sealRows(SealKeysTest.keys(Map.of("k2025", OLD, "k2026", NEW), "k2026"), 2);

        LedgerChain.Verification verification = check(SealKeysTest.keys(Map.of("k2025", OLD, "k2026", NEW), "k2026"),
                marks(4));

        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.sealsByKey()).containsExactlyInAnyOrderEntriesOf(Map.of("k2025", 2L, "k2026", 2L));
        assertThat(verification.warnings()).isEmpty();
    }

    @Test
    void sealsOfAKeyNoLongerConfiguredAreReportedByKeyId() {
        sealRows(SealKeysTest.keys(Map.of("k2025", OLD), "k2025"), 2);
        sealRows(SealKeysTest.keys(Map.of("k2025", OLD, "k2026", NEW), "k2026"), 1);

        LedgerChain.Verification verification = check(SealKeysTest.keys(Map.of("k2026", NEW), "k2026"), marks(3));

        assertThat(verification.findings()).extracting(LedgerChain.Finding::kind)
                .containsExactly(Tampering.UNKNOWN_KEY, Tampering.UNKNOWN_KEY);
        assertThat(verification.problem()).contains("未知密钥“k2025”");
        assertThat(verification.rowsChecked()).isEqualTo(1);
    }

    /** A crash after the commit and before the file write: the check stays whole and says what is not covered. */
    @Test
    void aCheckpointThatLagsIsAWarningNotTampering() {
        SealKeys keys = SealKeysTest.keys(Map.of("k2026", NEW), "k2026");
        sealRows(keys, 3);

        LedgerChain.Verification verification = check(keys, marks(2));

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkpoint().sealsAfter()).isEqualTo(1);
        assertThat(verification.warnings()).singleElement().asString().contains("最后1条封存晚于最近的检查点");
    }

    @Test
    void withoutACheckpointFileTruncationCannotBeSeenAndTheCheckSaysSo() {
        SealKeys keys = SealKeysTest.keys(Map.of("k2026", NEW), "k2026");
        sealRows(keys, 1);

        LedgerChain.Verification verification = new ChainCheck(keys, entries, seals, 1, seals.get(0).mac(),
                new LedgerCheckpoint.Readout(false, List.of(), List.of())).run();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkpoint().present()).isFalse();
        assertThat(verification.warnings()).singleElement().asString().contains("没有检查点文件");
    }

    @Test
    void aCheckpointLineIsReadBackAsWritten() {
        LedgerCheckpoint.Mark mark = LedgerCheckpoint.parse("at=2026-03-02T10:00+08:00 seq=12 key=k2026 mac=" + "ab".repeat(32), 7);

        assertThat(mark).isEqualTo(new LedgerCheckpoint.Mark(12, "ab".repeat(32), "k2026", AT, 7));
        assertThat(LedgerCheckpoint.parse("seq=12 key=k2026", 1)).isNull();
    }

    private void sealRows(SealKeys keys, int rows) {
        for (int i = 0; i < rows; i++) {
            long id = entries.size() + 1;
            LedgerEntry entry = new LedgerEntry(id, 1L, (int) id, LedgerEntryKind.DISBURSEMENT, new BigDecimal("800000.00"),
                    7L, "第" + id + "期", "finance", "system", LocalDateTime.of(2026, 3, 2, 10, 0, (int) id), null);
            String previous = seals.isEmpty() ? SealFormat.GENESIS : seals.get(seals.size() - 1).mac();
            String digest = SealFormat.rowDigest(entry);
            LocalDateTime at = entry.recordedAt();
            String mac = keys.mac(keys.activeKeyId(), SealFormat.sealContent(id, keys.activeKeyId(), id, digest, previous, at, null));
            entries.add(entry);
            seals.add(new Seal(id, id, keys.activeKeyId(), digest, previous, mac, at, null));
        }
    }

    /** A checkpoint line after each of the first {@code upTo} seals. */
    private LedgerCheckpoint.Readout marks(int upTo) {
        return new LedgerCheckpoint.Readout(true, seals.subList(0, upTo).stream()
                .map(seal -> new LedgerCheckpoint.Mark(seal.seq(), seal.mac(), seal.keyId(), AT, (int) seal.seq())).toList(), List.of());
    }

    private LedgerChain.Verification check(SealKeys keys, LedgerCheckpoint.Readout checkpoint) {
        Seal last = seals.get(seals.size() - 1);
        return new ChainCheck(keys, entries, seals, last.seq(), last.mac(), checkpoint).run();
    }
}
