package cn.rdfund.system.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains:
 * <ol>
 * <li>{@code /api/**} and {@code /engine-rest/**}: HTTP Basic against Camunda's users, stateless,
 * 401 without valid credentials; the caller is handed to the engine so its authorizations apply;
 * auditors may only read RDFund's API.</li>
 * <li>{@code /actuator/**}: health probes open (details only for admins and auditors), the rest
 * needs a login.</li>
 * <li>everything else is Camunda's webapps (Tasklist, Cockpit, Admin), which have their own login
 * page, session and CSRF protection.</li>
 * </ol>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String REALM = "RDFund";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/api/**")).authenticated()
                        .requestMatchers(path("/api/**")).access(notAnAuditor())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic credentials travel with every request and no cookie authenticates it: no CSRF risk.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Camunda's webapps bring their own CSRF filter and login; a second one would break them.
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** Matches the whole path, whichever servlet serves it (the REST API is Jersey, not Spring MVC). */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static AuthorizationManager<RequestAuthorizationContext> notAnAuditor() {
        return (authentication, context) -> new AuthorizationDecision(authentication.get().getAuthorities()
                .stream().noneMatch(authority -> Groups.AUDITORS.equals(authority.getAuthority())));
    }
}
