package cn.rdfund.system.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The webapps' scripts, styles, fonts, pictures and translations (Camunda's webjar and RDFund's overrides under
 * {@code /camunda/lib/} and {@code /camunda/app/}): the same files for everyone, shown before the login as well.
 * Spring Security marks every response {@code no-store}, so each Tasklist page load fetched some 5 MB again
 * ({@code deps.js} alone is 3.9 MB) and the browser compiled it again. These files may be kept by the browser, not by a
 * proxy between ({@code private}: the answer may set the session's cookies), and are asked for again each time
 * ({@code no-cache}): unchanged, the answer is an empty 304 (by Last-Modified). Everything else is {@code no-store},
 * also where another filter wrote a weaker Cache-Control (Camunda registers one on its webapps' paths that writes
 * {@code no-cache} on every GET, which would let a browser keep a person's tasks and history).
 */
final class WebappAssets {

    private static final Set<String> EXTENSIONS = Set.of("js", "css", "json", "woff", "woff2", "ttf", "eot", "svg",
            "png", "gif", "jpg", "ico");

    private WebappAssets() {
    }

    /** {@code private, no-cache} for the webapps' files, {@code no-store} for everything else. */
    static HeaderWriter cacheHeaders(String webappPath) {
        return (request, response) -> {
            if (isAsset(webappPath, request)) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            } else {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
                response.setHeader(HttpHeaders.PRAGMA, "no-cache");
                response.setHeader(HttpHeaders.EXPIRES, "0");
            }
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
