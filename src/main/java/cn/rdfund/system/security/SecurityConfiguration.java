package cn.rdfund.system.security;

import static cn.rdfund.system.security.Groups.ADMINS;
import static cn.rdfund.system.security.Groups.APPLICANTS;
import static cn.rdfund.system.security.Groups.AUDITORS;
import static cn.rdfund.system.security.Groups.FINANCE;
import static cn.rdfund.system.security.Groups.PROGRAM_MANAGERS;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains:
 * <ol>
 * <li>{@code /api/**} and {@code /engine-rest/**}: HTTP Basic against Camunda's users, stateless,
 * 401 without valid credentials. The caller is handed to the engine, so Camunda's authorizations
 * decide on {@code /engine-rest}; RDFund's own API is guarded by the table below (docs/security.md),
 * checked before a request body is even read. Writes not listed are refused; auditors never write.</li>
 * <li>{@code /actuator/**}: health probes open (details for admins and auditors), the rest needs a login.</li>
 * <li>everything else is Camunda's webapps (Tasklist, Cockpit, Admin) with their own login page,
 * session and CSRF protection; only their first-run setup page is closed. RDFund's audit pages ({@code /audit/})
 * use that login too, and may read (GET) the audit API with it (WebappSession).</li>
 * </ol>
 */
@Configuration
class SecurityConfiguration {

    private static final String REALM = "RDFund";
    /** RDFund's own pages (audit, dashboards): logged in through Camunda's welcome page, see WebappSession. */
    static final String AUDIT_PAGES = "/audit/**";
    private static final String WELCOME_LOGIN = "/camunda/app/welcome/default/#!/login";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, WebappSession webappSession)
            throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/api/experts/**"))
                        .hasAnyAuthority(PROGRAM_MANAGERS, AUDITORS, ADMINS)
                        .requestMatchers(path(HttpMethod.GET, "/api/audit/cases/**"), path(HttpMethod.GET, "/api/audit/cases"))
                        .hasAnyAuthority(PROGRAM_MANAGERS, AUDITORS, FINANCE, ADMINS)
                        .requestMatchers(path(HttpMethod.GET, "/api/ledger/verify"), path(HttpMethod.GET, "/api/audit/**"))
                        .hasAnyAuthority(AUDITORS, FINANCE, ADMINS)
                        .requestMatchers(path(HttpMethod.GET, "/api/projects/**"), path(HttpMethod.GET, "/api/ledger/**"))
                        .hasAnyAuthority(APPLICANTS, PROGRAM_MANAGERS, FINANCE, AUDITORS, ADMINS)
                        .requestMatchers(path(HttpMethod.GET, "/api/claims/**"))
                        .hasAnyAuthority(APPLICANTS, PROGRAM_MANAGERS, FINANCE, AUDITORS, ADMINS)
                        .requestMatchers(path(HttpMethod.GET, "/api/applications/**"))
                        .hasAnyAuthority(APPLICANTS, PROGRAM_MANAGERS, AUDITORS, ADMINS)
                        .requestMatchers(path(HttpMethod.GET, "/api/**")).authenticated()
                        .requestMatchers(path(HttpMethod.POST, "/api/organizations"))
                        .access(writers(APPLICANTS, PROGRAM_MANAGERS, ADMINS))
                        .requestMatchers(path(HttpMethod.POST, "/api/ledger/seal-unsealed")).access(writers(ADMINS))
                        .requestMatchers(path("/api/**")).denyAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic credentials travel with every request and no cookie authenticates it: no CSRF risk.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(webappSession.readsFor(new OrRequestMatcher(path(HttpMethod.GET, "/api/audit/**"),
                        path(HttpMethod.GET, "/api/ledger/verify"))), BasicAuthenticationFilter.class)
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
    SecurityFilterChain webappSecurity(HttpSecurity http, WebappSession webappSession) throws Exception {
        http.addFilterBefore(webappSession.guardsPages(path(AUDIT_PAGES),
                        Set.of(AUDITORS, FINANCE, ADMINS, PROGRAM_MANAGERS), WELCOME_LOGIN), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Camunda's first-run page lets anyone create an administrator while none exists;
                        // RDFund creates administrators itself (BootstrapAdmin, demo data), so it stays shut.
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().permitAll())
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

    /** Members of any of the groups, unless they are also auditors: auditors change nothing. */
    private static AuthorizationManager<RequestAuthorizationContext> writers(String... groups) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> member =
                AuthorityAuthorizationManager.hasAnyAuthority(groups);
        return (authentication, context) -> {
            boolean auditor = authentication.get().getAuthorities().stream()
                    .anyMatch(authority -> Set.of(AUDITORS).contains(authority.getAuthority()));
            return new AuthorizationDecision(!auditor && member.authorize(authentication, context).isGranted());
        };
    }
}
