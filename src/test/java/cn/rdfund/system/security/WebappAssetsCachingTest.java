package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.WebappLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser keeps the webapps' scripts, styles and translations and asks again only whether they changed (an empty 304),
 * instead of loading some 5 MB at every Tasklist page load; a proxy keeps nothing; pages, the engine API and RDFund's
 * API are never kept.
 */
@RdfundIntegrationTest
class WebappAssetsCachingTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/lib/deps.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
            "/camunda/app/tasklist/locales/zh.json", "/camunda/app/cockpit/camunda-cockpit-bootstrap.css"})
    void theWebappsFilesAreKeptAndAskedForAgainOnlyWhetherTheyChanged(String path) throws Exception {
        HttpResponse<byte[]> first = get(path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> again = get(path, lastModified);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/tasklist/default/", "/camunda/api/engine/engine/",
            "/engine-rest/engine", "/api/policy/measures", "/audit/index.html"})
    void pagesAndAnswersAreNeverKept(String path) throws Exception {
        assertThat(get(path, null).headers().allValues("Cache-Control"))
                .containsExactly("no-cache, no-store, max-age=0, must-revalidate");
    }

    /** Camunda's own filter marks the engine API's answers no-cache only; a person's tasks must not stay either. */
    @ParameterizedTest
    @ValueSource(strings = {"/camunda/api/engine/engine/default/task?maxResults=5",
            "/camunda/api/engine/engine/default/history/process-instance?maxResults=5",
            "/camunda/api/admin/auth/user/default", "/camunda/app/tasklist/default/"})
    void whatALoggedInPersonReadsIsNeverKept(String path) {
        HttpResponse<String> read = WebappLogin.session(port, "kjj").get(path);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Cache-Control"))
                .containsExactly("no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void onlyReadsOfTheWebappsTreesCount() throws Exception {
        HttpResponse<byte[]> posted = client.send(HttpRequest.newBuilder(uri("/camunda/lib/deps.js"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(posted.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store, max-age=0, must-revalidate");
    }

    private HttpResponse<byte[]> get(String path, String ifModifiedSince) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
