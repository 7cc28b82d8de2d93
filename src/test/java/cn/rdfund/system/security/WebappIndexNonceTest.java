package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.RdfundIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda 7.24 hands a webapp page's CSP nonce from its header filter to its page template through a servlet-context
 * attribute, shared by all requests: two pages served at once could get each other's nonce, and the browser then
 * refuses every script of the page (a blank Tasklist; seen once in CI). Pages loaded at the same moment each carry
 * the nonce of their own header.
 */
@RdfundIntegrationTest
class WebappIndexNonceTest {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void pagesLoadedAtTheSameMomentEachCarryTheirOwnNonce() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> paths = List.of("/camunda/app/tasklist/default/", "/camunda/app/welcome/default/",
                "/camunda/app/cockpit/default/", "/camunda/app/admin/default/");
        ExecutorService browsers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String path = paths.get(i % paths.size());
                pages.add(browsers.submit((Callable<String>) () -> mismatch(client, path)));
            }
            List<String> mismatched = new ArrayList<>();
            for (Future<String> page : pages) {
                if (page.get() != null) {
                    mismatched.add(page.get());
                }
            }
            assertThat(mismatched).as("pages whose scripts the browser would refuse").isEmpty();
        } finally {
            browsers.shutdownNow();
        }
    }

    private String mismatch(HttpClient client, String path) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher header = HEADER_NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        Matcher body = PAGE_NONCE.matcher(page.body());
        if (!header.find() || !body.find()) {
            return path + ": no nonce (" + page.statusCode() + ")";
        }
        return header.group(1).equals(body.group(1)) ? null
                : path + ": header " + header.group(1) + ", page " + body.group(1);
    }
}
