package cn.rdfund.system.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UrlPathHelper;

/**
 * Where a request reaches Camunda's engine API, and the path it names relative to the engine: the REST API at
 * {@code /engine-rest/...} (also {@code /engine-rest/engine/{name}/...}) and the webapps' copy of it at
 * {@code /camunda/api/engine/engine/{name}/...}.
 */
final class EnginePaths {

    static final String REST = "/engine-rest";
    static final String WEBAPP = "/camunda/api/engine";
    private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(/.*)?$");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private EnginePaths() {
    }

    static String pathOf(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    static boolean isEngineApi(String path) {
        return under(path, REST) || under(path, WEBAPP);
    }

    static boolean isWebapp(String path) {
        return under(path, WEBAPP);
    }

    /** The path relative to the engine, e.g. {@code /task/42/complete}; {@code /engine} lists the engines. */
    static Optional<String> enginePath(String path) {
        String rest = under(path, REST) ? path.substring(REST.length())
                : under(path, WEBAPP) ? path.substring(WEBAPP.length()) : null;
        if (rest == null) {
            return Optional.empty();
        }
        if (rest.equals("/engine") || rest.equals("/engine/")) {
            return Optional.of("/engine");
        }
        Matcher named = NAMED_ENGINE.matcher(rest);
        if (named.matches()) {
            return Optional.of(named.group(1) == null ? "/" : named.group(1));
        }
        return Optional.of(rest.isEmpty() ? "/" : rest);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
