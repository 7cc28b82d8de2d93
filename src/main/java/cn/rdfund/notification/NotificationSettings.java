package cn.rdfund.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rdfund.notifications.*}: where the mails' links point, who sends them, and how often deadlines are looked at.
 * Whether mails go out at all is {@code spring.mail.host}: without it RDFund sends none.
 */
@ConfigurationProperties("rdfund.notifications")
record NotificationSettings(String baseUrl, String from, Duration remindEvery, Duration remindWithin) {

    NotificationSettings {
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl;
        from = from == null ? "RDFund <noreply@rdfund.example>" : from;
        remindEvery = remindEvery == null ? Duration.ofMinutes(5) : remindEvery;
        remindWithin = remindWithin == null ? Duration.ofDays(2) : remindWithin;
    }
}
