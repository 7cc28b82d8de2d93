package cn.rdfund.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** /audit/ opens the case search; the pages themselves are static files under static/audit. */
@Configuration
class AuditPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/audit", "/audit/index.html");
        registry.addRedirectViewController("/audit/", "/audit/index.html");
    }
}
