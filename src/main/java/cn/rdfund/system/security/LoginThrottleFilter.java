package cn.rdfund.system.security;

import cn.rdfund.system.security.LoginThrottle.Attempt;
import cn.rdfund.system.security.LoginThrottle.Permit;
import cn.rdfund.system.security.LoginThrottle.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security and Camunda's webapps: tells {@link LoginAttempts} where each request comes from,
 * and answers a recognized login — HTTP Basic credentials, or the webapps' login form — with 429, Retry-After and a
 * message in Chinese while its source (or its source and user name) must wait, without checking the password.
 * Reads no request body except the login form's.
 *
 * <p>The source is the TCP peer address; behind a reverse proxy it is the client's only where Tomcat has been told
 * to trust that proxy's X-Forwarded-For (docs/operations.md#behind-a-reverse-proxy). IPv6 clients count per /64
 * network, since one machine usually holds a whole /64.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final LoginAttempts loginAttempts;
    private final RequestMatcher webappLogin;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, LoginAttempts loginAttempts, String webappPath, ObjectMapper json) {
        this.throttle = throttle;
        this.loginAttempts = loginAttempts;
        this.webappLogin = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/login/*");
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = sourceOf(request.getRemoteAddr());
        Optional<String> user = claimedUser(request);
        Permit permit = null;
        if (user.isPresent()) {
            Attempt attempt = throttle.begin(source, user.get());
            if (attempt instanceof Refusal refusal) {
                refuse(refusal, response);
                return;
            }
            permit = (Permit) attempt;
        }
        loginAttempts.during(source, permit, () -> chain.doFilter(request, response));
    }

    /** The user name of the login this request attempts, if it is one: Basic credentials or the webapp login form. */
    private Optional<String> claimedUser(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.strip().regionMatches(true, 0, "Basic ", 0, 6)) {
            return basicUser(authorization.strip().substring(6));
        }
        if (webappLogin.matches(request)) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }

    /** As Spring Security reads it (BasicAuthenticationConverter): Base64 of UTF-8 {@code user:password}. */
    private static Optional<String> basicUser(String token) {
        try {
            String credentials = new String(Base64.getDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The address attempts are counted under: the IPv4 address, or the /64 network of an IPv6 address. */
    static String sourceOf(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress == null ? "" : remoteAddress;
        }
        try {
            // An IPv6 literal (Tomcat's remote address always is one): parsed, never looked up.
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] bytes = address.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }

    private void refuse(Refusal refusal, HttpServletResponse response) throws IOException {
        long seconds = Math.max(1, ceilSeconds(refusal.retryAfter()));
        String wait = seconds < 120 ? seconds + " 秒" : ((seconds + 59) / 60) + " 分钟";
        String message = switch (refusal.scope()) {
            case USER -> "此用户名从您的地址登录失败次数过多，请 " + wait + "后再试。";
            case SOURCE -> "您的地址登录失败次数过多，请 " + wait + "后再试。";
        };
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "登录尝试过多");
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", message);
        // Camunda's login page shows the answer's "message".
        problem.put("message", message);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static long ceilSeconds(Duration duration) {
        return duration.plusNanos(999_999_999).getSeconds();
    }
}
