package cn.rdfund.system.security;

import cn.rdfund.support.WebappLogin;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit pages open with the webapps' login for auditors, finance, administrators and managers; the session
 * reads the audit API but writes nothing; auditors' write attempts are refused everywhere, and what users view in
 * the webapps is recorded.
 */
@RdfundIntegrationTest
class AuditPagesAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    HistoryService historyService;

    @Autowired
    RepositoryService repositoryService;

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutALoginThePagesSendTheBrowserToTheLoginAndTheApiAnswers401() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/audit/index.html");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/welcome/default/");
        assertThat(get(HttpClient.newHttpClient(), "/%61udit/index.html").statusCode()).isEqualTo(302);
        assertThat(get(HttpClient.newHttpClient(), "/api/audit/cases").statusCode()).isEqualTo(401);
    }

    /** A browser whose session ended must not get the Basic challenge: it would open its own login dialog. */
    @Test
    void aBrowserWithoutALoginIsToldToLogInWithoutTheBasicChallengeThatApiClientsGet() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> fromPage = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/audit/cases")).header("Sec-Fetch-Mode", "cors").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> fromScript = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task")).header("X-Requested-With", "XMLHttpRequest")
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> linkFollowed = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/documents/1")).header("Accept", "text/html,*/*").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> fromApiClient = get(client, "/api/audit/cases");

        assertThat(fromPage.statusCode()).isEqualTo(401);
        assertThat(fromPage.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(fromPage.body()).contains("登录已失效或尚未登录");
        assertThat(fromScript.statusCode()).isEqualTo(401);
        assertThat(fromScript.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(linkFollowed.statusCode()).as("a download link followed over plain HTTP").isEqualTo(401);
        assertThat(linkFollowed.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(fromApiClient.statusCode()).isEqualTo(401);
        assertThat(fromApiClient.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"RDFund\"");
    }

    @ParameterizedTest(name = "{0} opens the audit page → {1}")
    @CsvSource({"auditor, 200", "finance, 200", "kjj, 200", "admin, 200", "applicant, 403", "expert1, 403"})
    void theWebappLoginOpensThePagesForStaff(String user, int expected) throws Exception {
        HttpClient browser = WebappLogin.loggedIn(port, user);

        assertThat(get(browser, "/audit/index.html").statusCode()).isEqualTo(expected);
        assertThat(get(browser, "/api/audit/cases").statusCode()).isEqualTo(expected == 200 ? 200 : 403);
    }

    @Test
    void theWebappSessionReadsButNeverWrites() throws Exception {
        HttpClient browser = WebappLogin.loggedIn(port, "kjj");
        HttpResponse<String> write = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/organizations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"uscc\":\"91210112MA0RD0001\",\"name\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(write.statusCode()).isEqualTo(401);
        // Only the audit API takes the session: the rest of /api and Camunda's REST API still want HTTP Basic.
        assertThat(get(browser, "/api/applications").statusCode()).isEqualTo(401);
        assertThat(get(browser, "/engine-rest/history/process-instance").statusCode()).isEqualTo(401);
        assertThat(get(browser, "/api/audit/cases").statusCode()).isEqualTo(200);
    }

    @Test
    void auditorsWriteAttemptsAreAllRefusedAndChangeNothing() {
        // (the auditor's own: other classes start processes meanwhile)
        long instances = historyService.createHistoricProcessInstanceQuery().startedBy("auditor").count();
        Http auditor = Http.as(port, "auditor");

        assertThat(auditor.post("/api/audit/cases", "{}").status()).isEqualTo(403);
        assertThat(auditor.delete("/api/audit/access").status()).isEqualTo(403);
        assertThat(auditor.post("/api/organizations", "{\"uscc\":\"91210112MA0RD0009\",\"name\":\"审计不应创建\"}").status())
                .isEqualTo(403);
        assertThat(auditor.post("/api/claims", "{}").status()).isEqualTo(403);
        assertThat(auditor.post("/engine-rest/process-definition/key/FundingCall/start", "{}").status()).isEqualTo(403);
        assertThat(auditor.delete("/engine-rest/deployment/" + repositoryService.createDeploymentQuery().list().get(0).getId())
                .status()).isEqualTo(403);

        assertThat(historyService.createHistoricProcessInstanceQuery().startedBy("auditor").count()).isEqualTo(instances);
        assertThat(repositoryService.createDeploymentQuery().count()).isPositive();
    }

    @Test
    void whatAUserViewsInTheWebappsIsRecorded() throws Exception {
        HttpClient browser = WebappLogin.loggedIn(port, "kjj2");
        get(browser, "/camunda/api/engine/engine/default/history/process-instance?maxResults=5");
        get(browser, "/camunda/api/engine/engine/default/task/count");

        String log = Http.as(port, "auditor").get("/api/audit/access?userId=kjj2").body();
        assertThat(log).contains("/camunda/api/engine/engine/default/history/process-instance", "maxResults=5")
                .doesNotContain("/task/count");
    }
}
