package cn.rdfund.system.security;

import static cn.rdfund.system.security.Groups.ADMINS;
import static cn.rdfund.system.security.Groups.APPLICANTS;
import static cn.rdfund.system.security.Groups.AUDITORS;
import static cn.rdfund.system.security.Groups.FINANCE;
import static cn.rdfund.system.security.Groups.PROGRAM_MANAGERS;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains:
 * <ol>
 * <li>{@code /api/**} and {@code /engine-rest/**}: HTTP Basic against Camunda's users, stateless,
 * 401 without valid credentials (the Basic challenge to API clients, not to browsers: BrowserAwareEntryPoint). Both are behind the allow-list (security/allow-list.yaml, docs/security.md):
 * RDFund's API by its rules, checked before a request body is even read, the engine API by {@link EngineApiGuard};
 * what is not listed is refused, and auditors never change anything. The caller is then handed to the engine, whose
 * authorizations decide which objects a permitted operation may touch.</li>
 * <li>{@code /actuator/**}: health probes open (details for admins and auditors), the rest needs a login.</li>
 * <li>everything else is Camunda's webapps (Tasklist, Cockpit, Admin) with their own login page,
 * session and CSRF protection; only their first-run setup page is closed, and their copy of the engine API is behind
 * the same allow-list. RDFund's audit pages ({@code /audit/}) and claim pages ({@code /claims/}: 政策计算器,
 * 免申即享名单导入) use that login too, and may read (GET) the audit API, documents, the calculator and imported lists
 * with it, and attach documents or import a 免申即享 list with it and the session's CSRF token (WebappSession).</li>
 * </ol>
 */
@Configuration
class SecurityConfiguration {

    private static final String REALM = "RDFund";
    /** RDFund's own pages (audit, dashboards): logged in through Camunda's welcome page, see WebappSession. */
    static final String AUDIT_PAGES = "/audit/**";
    /** 政策计算器 and 免申即享名单导入: for enterprises and the city's staff, with the same login. */
    static final String CLAIM_PAGES = "/claims/**";
    private static final String WELCOME_LOGIN = "/camunda/app/welcome/default/#!/login";

    /** Who may call what, for RDFund's API and Camunda's engine API (security/allow-list.yaml). */
    @Bean
    AllowList allowList() {
        return AllowList.load();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, WebappSession webappSession,
            AllowList allowList, SealedVariableReads sealedHistoryReads) throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> {
                    for (AllowList.ApiRule rule : allowList.apiRules()) {
                        requests.requestMatchers(path(HttpMethod.valueOf(rule.method()), rule.pattern()))
                                .access((authentication, context) ->
                                        new AuthorizationDecision(rule.allows(rolesOf(authentication.get()))));
                    }
                    requests.requestMatchers(path("/api/**")).denyAll()
                            .anyRequest().authenticated();
                })
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) ->
                        EngineErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                                "您的角色不能调用此接口：" + request.getMethod() + " " + EnginePaths.pathOf(request))))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(new BrowserAwareEntryPoint(REALM)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Basic credentials travel with every request; the one write a session cookie may make (attaching a
                // document) needs the session's CSRF token as well (WebappSession.writesFor): Spring's CSRF filter is off.
                .csrf(AbstractHttpConfigurer::disable)
                // One filter each for reads and writes: a once-per-request filter runs once, whatever it is given.
                .addFilterBefore(webappSession.readsFor(new OrRequestMatcher(path(HttpMethod.GET, "/api/audit/**"),
                        path(HttpMethod.GET, "/api/ledger/verify"), path(HttpMethod.GET, "/api/tasks/*/documents"),
                        path(HttpMethod.GET, "/api/cases/*/documents"), path(HttpMethod.GET, "/api/documents/*"),
                        // the claim pages: the calculator, the measures and organizations to choose from, a list's result
                        path(HttpMethod.GET, "/api/claims/calculator"), path(HttpMethod.GET, "/api/claims/estimate"),
                        path(HttpMethod.GET, "/api/claims/award-lists/*"), path(HttpMethod.GET, "/api/policy/measures"),
                        path(HttpMethod.GET, "/api/organizations"))),
                        BasicAuthenticationFilter.class)
                // Tasklist's 材料 tab attaches files, and a lead unit imports a 免申即享 list on /claims/award-lists.html,
                // with the webapp's login and its CSRF token.
                .addFilterBefore(webappSession.writesFor(new OrRequestMatcher(
                        path(HttpMethod.POST, "/api/tasks/*/documents"), path(HttpMethod.POST, "/api/claims/award-lists"))),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
                .addFilterAfter(new EngineApiGuard(allowList, webappSession, sealedHistoryReads),
                        EngineAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        // Metrics tell how the system is used and by how many: administrators only.
                        .anyRequest().access((authentication, context) ->
                                new AuthorizationDecision(rolesOf(authentication.get()).contains(Role.ADMIN))))
                .httpBasic(basic -> basic.realmName(REALM))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http, WebappSession webappSession, AllowList allowList,
            SealedVariableReads sealedHistoryReads, CamundaBpmProperties camunda) throws Exception {
        http.addFilterBefore(webappSession.guardsPages("auditPagesGuard", path(AUDIT_PAGES),
                        Set.of(AUDITORS, FINANCE, ADMINS, PROGRAM_MANAGERS), WELCOME_LOGIN), AuthorizationFilter.class)
                .addFilterBefore(webappSession.guardsPages("claimPagesGuard", path(CLAIM_PAGES),
                        Set.of(APPLICANTS, PROGRAM_MANAGERS, FINANCE, AUDITORS, ADMINS), WELCOME_LOGIN),
                        AuthorizationFilter.class)
                // the 免申即享 page imports a list with the session's CSRF token, which it finds in a cookie of its own
                .addFilterBefore(webappSession.handsTokenTo(path(CLAIM_PAGES), "/claims"), AuthorizationFilter.class)
                // The same allow-list as on /engine-rest, for Tasklist's and Cockpit's copy of the engine API.
                .addFilterBefore(new EngineApiGuard(allowList, webappSession, sealedHistoryReads),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Camunda's first-run page lets anyone create an administrator while none exists;
                        // RDFund creates administrators itself (BootstrapAdmin, demo data), so it stays shut.
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().permitAll())
                // Camunda's webapps bring their own CSRF filter and login; a second one would break them.
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .cacheControl(HeadersConfigurer.CacheControlConfig::disable)
                        .addHeaderWriter(WebappAssets.cacheHeaders(camunda.getWebapp().getApplicationPath())));
        return http.build();
    }

    /** Outermost around the webapps' pages, so that it sees the page and the header as they leave. */
    @Bean
    FilterRegistrationBean<WebappPageNonce> webappPageNonce(CamundaBpmProperties camunda) {
        FilterRegistrationBean<WebappPageNonce> registration = new FilterRegistrationBean<>(
                new WebappPageNonce(camunda.getWebapp().getApplicationPath()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The roles of an authenticated caller; none for anonymous ones. */
    private static Set<Role> rolesOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CamundaUser user
                ? Role.of(user.groupIds()) : Set.of();
    }

    /** Matches the whole path, whichever servlet serves it (the REST API is Jersey, not Spring MVC). */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
