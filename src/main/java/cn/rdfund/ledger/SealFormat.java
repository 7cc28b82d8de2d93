package cn.rdfund.ledger;

import cn.rdfund.system.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What a seal covers, byte for byte. Each field is written with its length, so no character of one field (a memo
 * with "|" in it) can pass for another; amounts at two decimals, times to the second, as the database keeps them.
 */
final class SealFormat {

    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SealFormat() {
    }

    /** SHA-256 over every column of the row: tells a row changed after sealing from a seal that was forged. */
    static String rowDigest(LedgerEntry e) {
        String content = fields("rdfund-ledger-row-v2", e.id(), e.projectId(), e.milestoneSeq(), e.kind().name(),
                e.amount().setScale(2).toPlainString(), e.organizationId(), e.memo(), e.approvedBy(), e.recordedBy(),
                time(e.recordedAt()), e.processInstanceId());
        return Sha256.hex(content.getBytes(StandardCharsets.UTF_8));
    }

    /** What the MAC is computed over: the seal's place in the chain, its key, its row's digest, when and by whom. */
    static String sealContent(long seq, String keyId, long entryId, String rowDigest, String prevMac,
            LocalDateTime sealedAt, String sealedBy) {
        return fields("rdfund-ledger-seal-v2", seq, keyId, entryId, rowDigest, prevMac, time(sealedAt), sealedBy);
    }

    static String time(LocalDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS).format(SECONDS);
    }

    private static String fields(Object... values) {
        StringBuilder content = new StringBuilder();
        for (Object value : values) {
            if (value == null) {
                content.append("-|");
            } else {
                String text = String.valueOf(value);
                content.append(text.length()).append(':').append(text).append('|');
            }
        }
        return content.toString();
    }
}
