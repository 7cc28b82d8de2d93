package cn.rdfund.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** RDFund's login throttle (docs/security.md#throttling): counted per source, never per account. */
@Configuration
@EnableConfigurationProperties(LoginThrottleSettings.class)
class LoginThrottleConfiguration {

    @Bean
    LoginThrottle loginThrottle(LoginThrottleSettings settings) {
        return new LoginThrottle(settings, Ticker.systemTicker());
    }

    @Bean
    LoginAttempts loginAttempts(LoginThrottle loginThrottle) {
        return new LoginAttempts(loginThrottle);
    }

    @Bean
    RecentBasicLogins recentBasicLogins(@Value("${rdfund.security.basic-login-memory:PT10S}") Duration memory,
            LoginThrottleSettings settings) {
        return new RecentBasicLogins(memory, settings.maxTracked());
    }

    /** Before Spring Security's filter chains, so that a waiting source's credentials are not even checked. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle loginThrottle,
            LoginAttempts loginAttempts, CamundaBpmProperties camunda, ObjectMapper objectMapper) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(
                loginThrottle, loginAttempts, camunda.getWebapp().getApplicationPath(), objectMapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
