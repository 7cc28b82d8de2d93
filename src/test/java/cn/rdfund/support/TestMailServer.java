package cn.rdfund.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One real SMTP server (GreenMail) for the tests' Spring contexts, started with the first of them on a free port: the
 * application sends its notifications there as it would to a bureau's mail server (spring.mail.host/port). Registered
 * for every test context in META-INF/spring.factories, so the shared context stays one.
 */
public final class TestMailServer implements ContextCustomizerFactory {

    private static GreenMail server;

    /** The mails received so far, by every test. */
    public static synchronized List<MimeMessage> received() {
        return List.of(start().getReceivedMessages());
    }

    private static synchronized GreenMail start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        return new SmtpProperties();
    }

    /** Equal to every other instance: the customizer must not split Spring's context cache. */
    private static final class SmtpProperties implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            int port = start().getSmtp().getPort();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail-server",
                    Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SmtpProperties;
        }

        @Override
        public int hashCode() {
            return SmtpProperties.class.hashCode();
        }
    }
}
