package cn.rdfund.support;

import cn.rdfund.system.security.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test-only: 市科技局 managers may start the access-probe process that AccessMatrixTest deploys. */
@Configuration
class ProbeStarters {

    @Bean
    ProcessStarters kjjStartsAccessProbe() {
        return new ProcessStarters("pm-kjj", "AccessProbe");
    }
}
