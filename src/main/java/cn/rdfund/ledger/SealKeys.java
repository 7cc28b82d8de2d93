package cn.rdfund.ledger;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The secret keys that seal the ledger (HMAC-SHA256). They live in configuration, never in the database, so someone
 * who can only write to the database cannot make a seal. Every key verifies the seals made with it; the active one
 * seals new rows. Start-up fails without a usable active key, and with the published demo key outside the demo
 * profile. Secrets are never logged or printed: messages name key ids only.
 */
@Component
@EnableConfigurationProperties(LedgerSettings.class)
class SealKeys {

    /** The key id of the demo and test profiles' published, non-secret key (application-demo.yaml). */
    static final String DEMO_KEY_ID = "demo";
    static final int MIN_KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");
    private static final String ALGORITHM = "HmacSHA256";
    private static final String HOW = "（生成：openssl rand -base64 32；配置：RDFUND_LEDGER_SEALKEYS_<编号> 与 "
            + "RDFUND_LEDGER_ACTIVE_SEAL_KEY，见 docs/operations.md）";
    private static final Logger log = LoggerFactory.getLogger(SealKeys.class);

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String active;

    @Autowired
    SealKeys(LedgerSettings settings, Environment environment) {
        this(settings, environment.acceptsProfiles(Profiles.of("demo")));
    }

    SealKeys(LedgerSettings settings, boolean demoProfile) {
        settings.sealKeys().forEach((id, secret) -> keys.put(id, key(id, secret, demoProfile)));
        active = settings.activeSealKey() == null ? "" : settings.activeSealKey().trim();
        if (active.isEmpty()) {
            throw new IllegalStateException("未配置台账封存密钥（rdfund.ledger.active-seal-key），应用拒绝启动" + HOW);
        }
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("台账封存密钥“" + active + "”没有配置密钥值（rdfund.ledger.seal-keys." + active
                    + "），应用拒绝启动" + HOW);
        }
        log.info("台账封存：新封存使用密钥“{}”，可验证的密钥 {}", active, keys.keySet());
    }

    private static SecretKeySpec key(String id, String secret, boolean demoProfile) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("台账封存密钥编号“" + id + "”无效：只能用小写字母和数字，至多32位" + HOW);
        }
        if (DEMO_KEY_ID.equals(id) && !demoProfile) {
            throw new IllegalStateException("台账封存密钥“demo”是公开的演示密钥，只能在 demo 配置下使用，应用拒绝启动" + HOW);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret == null ? "" : secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("台账封存密钥“" + id + "”不是有效的 Base64" + HOW);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("台账封存密钥“" + id + "”太短：至少需要" + MIN_KEY_BYTES + "字节的随机数" + HOW);
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    String activeKeyId() {
        return active;
    }

    boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    Set<String> keyIds() {
        return keys.keySet();
    }

    /** HMAC-SHA256 of the content under the named key, hex. */
    String mac(String keyId, String content) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("未知的台账封存密钥: " + keyId);
        }
        return mac(key, content);
    }

    /** Whether the MAC is the one the named key gives for the content (compared in constant time). */
    boolean verifies(String keyId, String content, String mac) {
        return knows(keyId) && MessageDigest.isEqual(mac(keyId, content).getBytes(StandardCharsets.US_ASCII),
                String.valueOf(mac).getBytes(StandardCharsets.US_ASCII));
    }

    static String mac(SecretKeySpec key, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " 不可用", e);
        }
    }

    @Override
    public String toString() {
        return "SealKeys[active=" + active + ", ids=" + keys.keySet() + "]";
    }
}
