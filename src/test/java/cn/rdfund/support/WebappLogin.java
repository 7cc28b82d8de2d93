package cn.rdfund.system.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in to Camunda's webapps the way the browser does: fetch the page for the CSRF cookie, then post. */
final class WebappLogin {

    private static final Pattern APPS = Pattern.compile("\"authorizedApps\":\\[([^]]*)]");

    private WebappLogin() {
    }

    static List<String> authorizedApps(int port, String user) {
        HttpResponse<String> login = postAsBrowser(port, "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
        if (login.statusCode() != 200) {
            return List.of();
        }
        Matcher apps = APPS.matcher(login.body());
        return apps.find() ? Arrays.stream(apps.group(1).replace("\"", "").split(",")).toList() : List.of();
    }

    /** A browser's cookies after logging in to the webapps as the user (password = user id), redirects not followed. */
    static HttpClient loggedIn(int port, String user) {
        Browser browser = new Browser(port);
        HttpResponse<String> login = browser.post("/camunda/api/admin/auth/user/default/login/welcome",
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode());
        }
        return browser.client;
    }

    /** A POST from a browser session that has loaded Tasklist, so it carries a valid CSRF token. */
    static HttpResponse<String> postAsBrowser(int port, String path, String contentType, String body) {
        return new Browser(port).post(path, contentType, body);
    }

    /** A cookie-keeping client that has loaded Tasklist once, and so holds the webapps' CSRF token. */
    private static final class Browser {

        private final HttpClient client;
        private final String base;
        private final String csrf;

        Browser(int port) {
            CookieManager cookies = new CookieManager();
            client = HttpClient.newBuilder().cookieHandler(cookies).build();
            base = "http://localhost:" + port;
            try {
                client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .findFirst().orElseThrow();
        }

        HttpResponse<String> post(String path, String contentType, String body) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
