package cn.rdfund.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in to Camunda's webapps the way the browser does: fetch the page for the CSRF cookie, then post. */
public final class WebappLogin {

    private static final Pattern APPS = Pattern.compile("\"authorizedApps\":\\[([^]]*)]");

    private WebappLogin() {
    }

    public static List<String> authorizedApps(int port, String user) {
        HttpResponse<String> login = postAsBrowser(port, "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
        if (login.statusCode() != 200) {
            return List.of();
        }
        Matcher apps = APPS.matcher(login.body());
        return apps.find() ? Arrays.stream(apps.group(1).replace("\"", "").split(",")).toList() : List.of();
    }

    /** A browser's cookies after logging in to the webapps as the user (password = user id), redirects not followed. */
    public static HttpClient loggedIn(int port, String user) {
        return session(port, user).client;
    }

    /** A logged-in browser session (password = user id) that sends what Tasklist would, CSRF token included. */
    public static Browser session(int port, String user) {
        Browser browser = new Browser(port);
        HttpResponse<String> login = browser.send("POST", "/camunda/api/admin/auth/user/default/login/welcome",
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode());
        }
        return browser;
    }

    /** A POST from a browser session that has loaded Tasklist, so it carries a valid CSRF token. */
    public static HttpResponse<String> postAsBrowser(int port, String path, String contentType, String body) {
        return new Browser(port).send("POST", path, contentType, body);
    }

    /** A cookie-keeping client that has loaded Tasklist once, and so holds the webapps' CSRF token. */
    public static final class Browser {

        private final HttpClient client;
        private final CookieManager cookies = new CookieManager();
        private final String base;

        Browser(int port) {
            client = HttpClient.newBuilder().cookieHandler(cookies).build();
            base = "http://localhost:" + port;
            try {
                client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The webapps hand out a new CSRF token with the login: always send the latest. */
        private String csrf() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .reduce((first, latest) -> latest).orElseThrow();
        }

        public HttpResponse<String> get(String path) {
            return send("GET", path, null, null);
        }

        /** Any request; a body is sent when there is one, with the content type given. */
        public HttpResponse<String> send(String method, String path, String contentType, String body) {
            return send(method, path, contentType, body, true);
        }

        /** The session's cookie without its CSRF token, as another site's form would send it. */
        public HttpResponse<String> sendWithoutCsrfToken(String method, String path, String contentType, String body) {
            return send(method, path, contentType, body, false);
        }

        private HttpResponse<String> send(String method, String path, String contentType, String body,
                boolean withCsrfToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (withCsrfToken) {
                request.header("X-XSRF-TOKEN", csrf());
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
