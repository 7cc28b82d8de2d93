package cn.rdfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The seal keys come from configuration, the real application*.yaml files here: the production profile has none and
 * refuses to start without one, and with the published demo key; the environment variables of docs/operations.md
 * configure a key; no message or printout carries a secret.
 */
class SealKeysTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(random(32));

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(SealKeys.class);

    @Test
    void theProductionProfileRefusesToStartWithoutAKey() {
        application.withPropertyValues("spring.profiles.active=mysql").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("未配置台账封存密钥")
                    .hasMessageContaining("RDFUND_LEDGER_SEALKEYS_").hasMessageContaining("openssl rand -base64 32");
        });
    }

    @Test
    void theProductionProfileRefusesThePublishedDemoKey() {
        application.withPropertyValues("spring.profiles.active=mysql", "rdfund.ledger.active-seal-key=demo",
                "rdfund.ledger.seal-keys.demo=" + SECRET).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("公开的演示密钥");
                });
    }

    @Test
    void theEnvironmentVariablesOfTheOperationsGuideConfigureAKey() {
        Map<String, Object> environment = Map.of("RDFUND_LEDGER_SEALKEYS_K2026A", SECRET,
                "RDFUND_LEDGER_SEALKEYS_K2025", Base64.getEncoder().encodeToString(random(32)),
                "RDFUND_LEDGER_ACTIVE_SEAL_KEY", "k2026a");
        application.withPropertyValues("spring.profiles.active=mysql")
                .withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SealKeys keys = context.getBean(SealKeys.class);
                    assertThat(keys.activeKeyId()).isEqualTo("k2026a");
                    assertThat(keys.keyIds()).containsExactlyInAnyOrder("k2026a", "k2025");
                    assertThat(keys.toString()).doesNotContain(SECRET);
                    assertThat(context.getBean(LedgerSettings.class).toString()).doesNotContain(SECRET);
                });
    }

    @Test
    void theDemoProfileHasItsPublishedKey() {
        application.withPropertyValues("spring.profiles.active=demo").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SealKeys.class).activeKeyId()).isEqualTo(SealKeys.DEMO_KEY_ID);
        });
    }

    @Test
    void aWeakOrMalformedKeyIsRefusedWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(random(16));
        assertThatThrownBy(() -> keys(Map.of("k1", shortKey), "k1")).hasMessageContaining("太短")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> keys(Map.of("k1", "not base64 at all!"), "k1")).hasMessageContaining("不是有效的 Base64")
                .hasMessageNotContaining("not base64");
        assertThatThrownBy(() -> keys(Map.of("K_1", SECRET), "K_1")).hasMessageContaining("编号“K_1”无效");
        assertThatThrownBy(() -> keys(Map.of("k1", SECRET), "k2")).hasMessageContaining("“k2”没有配置密钥值");
    }

    @Test
    void aSealVerifiesOnlyWithItsOwnKey() {
        SealKeys keys = keys(Map.of("k1", SECRET, "k2", Base64.getEncoder().encodeToString(random(32))), "k2");
        String mac = keys.mac("k1", "内容");

        assertThat(keys.verifies("k1", "内容", mac)).isTrue();
        assertThat(keys.verifies("k2", "内容", mac)).isFalse();
        assertThat(keys.verifies("k1", "内容改了", mac)).isFalse();
        assertThat(keys.verifies("k9", "内容", mac)).isFalse();
    }

    static SealKeys keys(Map<String, String> secrets, String active) {
        return new SealKeys(new LedgerSettings(secrets, active, null), false);
    }

    static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
