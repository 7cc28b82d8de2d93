package cn.rdfund.system.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;

/** Error answers without engine internals (docs/security.md#errors). */
@Configuration
class CleanErrorsConfiguration {

    /** Outside Spring Security's chains, so that what they answer is cleaned too. */
    @Bean
    FilterRegistrationBean<CleanErrors> cleanErrors(
            @Value("${rdfund.security.max-request-size:1MB}") DataSize maxRequestSize,
            @Value("${rdfund.documents.max-size:10MB}") DataSize maxDocumentSize) {
        FilterRegistrationBean<CleanErrors> registration = new FilterRegistrationBean<>(
                new CleanErrors(maxRequestSize.toBytes(), maxDocumentSize.toBytes()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Spring Security's firewall refuses paths such as {@code //engine-rest/engine} or {@code /engine-rest;x=1/engine}:
     * a 400 with the reason, not the 500 it would otherwise become.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> EngineErrors.write(response, HttpServletResponse.SC_BAD_REQUEST,
                "BadRequest", CleanErrors.MALFORMED);
    }
}
