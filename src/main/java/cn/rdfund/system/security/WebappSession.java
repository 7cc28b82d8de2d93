package cn.rdfund.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login of Camunda's webapps (Tasklist, Cockpit, the welcome page) also opens RDFund's audit pages and a task's
 * documents: who is logged in there, read from the webapps' HTTP session, with their current Camunda groups. The
 * audit API and the document reads accept that session for GET requests, so a page can fetch its data without a
 * second login; the only write it is accepted for is attaching a document, and only with the session's CSRF token,
 * so a forged cross-site request changes nothing. Every other write needs HTTP Basic. Engine-specific: it reads
 * Camunda's session keys.
 */
@Component
public class WebappSession {

    private static final String ENGINE = "default";
    /** Where Camunda's webapps keep a session's CSRF token, and the header their pages send it in. */
    private static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final String CSRF_TOKEN_HEADER = "X-XSRF-TOKEN";
    /** The cookie in which RDFund's own pages find the session's CSRF token (handsTokenTo). */
    static final String PAGE_TOKEN_COOKIE = "RDFUND-XSRF-TOKEN";

    private final IdentityService identityService;

    WebappSession(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Who is logged in to the webapps in this request's session, as the session says (no database access). */
    public Optional<String> userIdOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(ENGINE);
        return login == null ? Optional.empty() : Optional.of(login.getName());
    }

    /** Who is logged in to the webapps, with the groups Camunda's login keeps in the session (no database access). */
    Optional<CamundaUser> sessionUserOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(ENGINE);
        if (!(login instanceof UserAuthentication user)) {
            return Optional.empty();
        }
        return Optional.of(new CamundaUser(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds()));
    }

    /** The logged-in user, if the account still exists, with their current groups. */
    Optional<CamundaUser> userOf(HttpServletRequest request) {
        return userIdOf(request).filter(id -> identityService.createUserQuery().userId(id).count() > 0)
                .map(id -> new CamundaUser(id, identityService.createGroupQuery().groupMember(id).list().stream()
                        .map(Group::getId).toList()));
    }

    /** On GET requests to these paths without Basic credentials, the webapp login (if any) is the caller. */
    OncePerRequestFilter readsFor(RequestMatcher paths) {
        return sessionCallerOn("webappSessionReads",
                request -> HttpMethod.GET.matches(request.getMethod()) && paths.matches(request));
    }

    /**
     * On POST requests to these paths without Basic credentials, the webapp login is the caller only when the request
     * carries the session's CSRF token (header X-XSRF-TOKEN, as Tasklist sends it to Camunda's own API): a page of
     * another site cannot read that token, so it cannot forge the request.
     */
    OncePerRequestFilter writesFor(RequestMatcher paths) {
        return sessionCallerOn("webappSessionWrites", request -> HttpMethod.POST.matches(request.getMethod())
                && paths.matches(request) && carriesSessionToken(request));
    }

    /** {@code name}: each filter's own, as a once-per-request filter is known by its name (else its class). */
    private OncePerRequestFilter sessionCallerOn(String name, Predicate<HttpServletRequest> accepted) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && accepted.test(request)) {
                    userOf(request).ifPresent(user -> SecurityContextHolder.getContext().setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user, null,
                                    CamundaIdentityAuthenticationProvider.authorities(user.groupIds()))));
                }
                chain.doFilter(request, response);
            }
        };
        filter.setBeanName(name);
        return filter;
    }

    /**
     * On these pages, hands the page its session's CSRF token in a cookie for the pages' own path: Camunda keeps it in
     * one for {@code /camunda} only, which a page elsewhere cannot read. The page's script reads it, as Tasklist reads
     * Camunda's, and sends it back in X-XSRF-TOKEN with its one write ({@link #writesFor}); a page of another site can
     * read neither. Nothing while the session has no token yet (Camunda makes one on the session's first request to
     * the webapps, and answers it in the X-XSRF-TOKEN header).
     */
    OncePerRequestFilter handsTokenTo(RequestMatcher pages, String cookiePath) {
        return onPages("webappSessionToken", pages, (request, response, chain) -> {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE) instanceof String token) {
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(PAGE_TOKEN_COOKIE, token)
                        .path(cookiePath).sameSite("Strict").secure(request.isSecure()).build().toString());
            }
            chain.doFilter(request, response);
        });
    }

    private static boolean carriesSessionToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
        String sent = request.getHeader(CSRF_TOKEN_HEADER);
        return expected instanceof String token && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * These pages open for logged-in members of these groups; without a login the browser goes to the
     * welcome page's login, others get 403. {@code name}: each guard's own (see {@link #sessionCallerOn}).
     */
    OncePerRequestFilter guardsPages(String name, RequestMatcher pages, Set<String> groups, String loginPage) {
        return onPages(name, pages, (request, response, chain) -> {
            Optional<CamundaUser> user = userOf(request);
            if (user.isEmpty()) {
                response.sendRedirect(loginPage);
            } else if (CamundaIdentityAuthenticationProvider.authorities(user.get().groupIds()).stream()
                    .noneMatch(authority -> groups.contains(authority.getAuthority()))) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                chain.doFilter(request, response);
            }
        });
    }

    /** What a filter does on a request it handles. */
    @FunctionalInterface
    private interface Step {
        void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException;
    }

    /** A filter, known by {@code name}, that does {@code step} on these pages and lets every other request pass. */
    private static OncePerRequestFilter onPages(String name, RequestMatcher pages, Step step) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !pages.matches(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                step.run(request, response, chain);
            }
        };
        filter.setBeanName(name);
        return filter;
    }
}
