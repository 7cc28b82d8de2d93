package cn.rdfund.system.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The webapps' scripts, styles, fonts, pictures and translations (Camunda's webjar and RDFund's overrides under
 * {@code /camunda/lib/} and {@code /camunda/app/}): the same files for everyone, shown before the login as well.
 * Spring Security marks every response {@code no-store}, so each Tasklist page load fetched some 5 MB again
 * ({@code deps.js} alone is 3.9 MB) and the browser compiled it again. These files may be kept and are asked for again
 * each time ({@code no-cache}): unchanged, the answer is an empty 304 (by Last-Modified), and after an upgrade the
 * browser has the new files at once. Everything else (pages with their nonce, the engine API, RDFund's API) stays
 * {@code no-store}.
 */
final class WebappAssets {

    private static final Set<String> EXTENSIONS = Set.of("js", "css", "json", "woff", "woff2", "ttf", "eot", "svg",
            "png", "gif", "jpg", "ico");

    private WebappAssets() {
    }

    /** {@code no-cache} for the webapps' files, Spring Security's {@code no-store} for everything else. */
    static HeaderWriter cacheHeaders(String webappPath) {
        RequestMatcher assets = request -> isAsset(webappPath, request);
        HeaderWriter revalidate = new DelegatingRequestMatcherHeaderWriter(assets,
                new StaticHeadersWriter("Cache-Control", "no-cache"));
        HeaderWriter noStore = new DelegatingRequestMatcherHeaderWriter(request -> !assets.matches(request),
                new CacheControlHeadersWriter());
        return (request, response) -> {
            revalidate.writeHeaders(request, response);
            noStore.writeHeaders(request, response);
        };
    }

    static boolean isAsset(String webappPath, HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(webappPath + "/lib/") && !path.startsWith(webappPath + "/app/")) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && !path.contains("..") && EXTENSIONS.contains(name.substring(dot + 1));
    }
}
