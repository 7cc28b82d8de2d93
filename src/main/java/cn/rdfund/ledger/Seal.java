package cn.rdfund.ledger;

import java.time.LocalDateTime;

/** One row of ledger_seal: a ledger row's place in the chain, under which key, its digest and MAC, when, by whom. */
record Seal(long seq, long entryId, String keyId, String rowDigest, String prevMac, String mac, LocalDateTime sealedAt,
        String sealedBy) {

    String content() {
        return SealFormat.sealContent(seq, keyId, entryId, rowDigest, prevMac, sealedAt, sealedBy);
    }
}
