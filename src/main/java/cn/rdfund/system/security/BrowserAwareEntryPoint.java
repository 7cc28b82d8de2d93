package cn.rdfund.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * The 401 of {@code /api} and {@code /engine-rest}. API clients get the Basic challenge ({@code WWW-Authenticate});
 * a browser does not: on a Basic challenge it would open its own login dialog and then send those credentials with
 * every later request, past the webapps' login, its session timeout and logout. A request is a browser's when it
 * carries the fetch metadata current browsers send over HTTPS and to localhost ({@code Sec-Fetch-Mode}), says it is a
 * page's script ({@code X-Requested-With}), or asks for a page ({@code Accept: text/html}: a link followed, such as a
 * document's download over plain HTTP); it gets a Chinese message pointing to the login page instead.
 */
final class BrowserAwareEntryPoint implements AuthenticationEntryPoint {

    static final String MESSAGE = "登录已失效或尚未登录：请在 Camunda 登录页（/camunda/app/welcome/default/）重新登录后再试";

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    BrowserAwareEntryPoint(String realm) {
        basic.setRealmName(realm);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        if (fromBrowser(request)) {
            EngineErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", MESSAGE);
        } else {
            basic.commence(request, response, refused);
        }
    }

    static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null
                || "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))
                || (accept != null && accept.contains("text/html"));
    }
}
