package cn.rdfund.system;

import cn.rdfund.RdfundApplication;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /**
     * Shenyang office time, in whole seconds: the database keeps DATETIME without fractions, so a
     * value written must equal the value read back (the ledger's content is what auditors check).
     */
    @Bean
    Clock clock() {
        return Clock.tickSeconds(ZoneId.of(RdfundApplication.TIME_ZONE));
    }
}
