package cn.rdfund.ledger;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rdfund.ledger}: the seal keys (key id → Base64 secret; in production from the environment,
 * {@code RDFUND_LEDGER_SEALKEYS_<ID>}), the one that seals new rows, and where the chain head is checkpointed.
 * Read by {@link SealKeys}, which checks them; never printed with the secrets.
 */
@ConfigurationProperties("rdfund.ledger")
record LedgerSettings(
        Map<String, String> sealKeys,
        String activeSealKey,
        @DefaultValue("./data/ledger/chain-head.log") Path checkpointFile) {

    LedgerSettings {
        sealKeys = sealKeys == null ? Map.of() : Map.copyOf(sealKeys);
    }

    @Override
    public String toString() {
        return "LedgerSettings[sealKeys=" + sealKeys.keySet() + ", activeSealKey=" + activeSealKey
                + ", checkpointFile=" + checkpointFile + "]";
    }
}
