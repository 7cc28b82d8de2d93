package cn.rdfund.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda 7.24's webapps give a page's script tags the CSP nonce that their header filter left in a servlet-context
 * attribute, which every request overwrites: two pages served at once can get each other's nonce, and the browser then
 * refuses all the page's scripts (a blank Tasklist, until reloaded). This filter, around the webapps' pages (paths
 * ending in "/", not their files), gives the page the nonce of its own Content-Security-Policy header. Engine-specific
 * (the webapps'); drop it once Camunda (or Operaton) keeps the nonce per request.
 */
final class WebappPageNonce extends OncePerRequestFilter {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"[^\"]*\"");

    private final String appsPath;

    /** {@code webappPath}: where the webapps are served, e.g. /camunda. */
    WebappPageNonce(String webappPath) {
        this.appsPath = webappPath + "/app/";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !HttpMethod.GET.matches(request.getMethod()) || !path.startsWith(appsPath) || !path.endsWith("/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, page);
        String policy = page.getHeader("Content-Security-Policy");
        Matcher nonce = HEADER_NONCE.matcher(policy == null ? "" : policy);
        String type = page.getContentType();
        if (nonce.find() && type != null && type.startsWith("text/html")) {
            String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
            byte[] fixed = PAGE_NONCE.matcher(html).replaceAll("nonce=\"" + Matcher.quoteReplacement(nonce.group(1)) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            page.resetBuffer();
            page.getOutputStream().write(fixed);
        }
        page.copyBodyToResponse();
    }
}
