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
        try {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://localhost:" + port;
            client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .findFirst().orElseThrow();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                            URI.create(base + "/camunda/api/admin/auth/user/default/login/welcome"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login failed: " + login.statusCode());
            }
            return client;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST from a browser session that has loaded Tasklist, so it carries a valid CSRF token. */
    static HttpResponse<String> postAsBrowser(int port, String path, String contentType, String body) {
        try {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://localhost:" + port;
            client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .findFirst().orElseThrow();
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
