package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.WebappLogin;
import cn.rdfund.support.RdfundIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The claim pages (/claims/: 政策计算器, 免申即享名单导入) open with the webapps' login for enterprises and the city's
 * staff; the session reads the calculator and imported lists, and imports a list only with the session's CSRF token.
 */
@RdfundIntegrationTest
class ClaimPagesAccessTest {

    private static final String BOUNDARY = "rdfundClaimPages";
    /** Not a workbook: accepted at the door, refused by the import itself (400), so nothing is imported. */
    private static final String NOT_A_LIST = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"measure\"\r\n\r\n"
            + "P4.3\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"名单.xlsx\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n不是名单\r\n--" + BOUNDARY + "--\r\n";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    @LocalServerPort
    int port;

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutALoginThePagesSendTheBrowserToTheLogin() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/claims/calculator.html");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/welcome/default/");
        assertThat(get(HttpClient.newHttpClient(), "/claims/award-lists.html").statusCode()).isEqualTo(302);
        assertThat(get(HttpClient.newHttpClient(), "/%63laims/calculator.html").statusCode()).isEqualTo(302);
        assertThat(get(HttpClient.newHttpClient(), "/api/claims/calculator").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} opens the claim pages → {1}, the audit pages → {2}")
    @CsvSource({"applicant, 200, 403", "kjj, 200, 200", "finance, 200, 200", "auditor, 200, 200", "admin, 200, 200",
            "expert1, 403, 403"})
    void theWebappLoginOpensThePagesForEnterprisesAndStaff(String user, int claimPages, int auditPages) throws Exception {
        HttpClient browser = WebappLogin.loggedIn(port, user);

        assertThat(get(browser, "/claims/calculator.html").statusCode()).isEqualTo(claimPages);
        assertThat(get(browser, "/claims/award-lists.html").statusCode()).isEqualTo(claimPages);
        assertThat(get(browser, "/audit/index.html").statusCode()).as("the audit pages' own guard").isEqualTo(auditPages);
    }

    @Test
    void theSessionReadsTheCalculatorAndTheListsByTheApisOwnRules() throws Exception {
        HttpClient enterprise = WebappLogin.loggedIn(port, "applicant");
        assertThat(get(enterprise, "/api/claims/calculator?date=2025-06-01").statusCode()).isEqualTo(200);
        assertThat(get(enterprise, "/api/claims/estimate?measure=P4.3&referenceDate=2025-06-01&recognitionType=FIRST")
                .body()).contains("\"amount\":\"200000.00\"");
        assertThat(get(enterprise, "/api/policy/measures?date=2025-06-01").statusCode()).isEqualTo(200);
        assertThat(get(enterprise, "/api/claims/award-lists/1").statusCode()).as("lists name other enterprises")
                .isEqualTo(403);
        // Only what the pages read takes the session: the rest of /api still wants HTTP Basic.
        assertThat(get(enterprise, "/api/claims").statusCode()).isEqualTo(401);
        assertThat(get(enterprise, "/api/applications").statusCode()).isEqualTo(401);

        HttpClient expert = WebappLogin.loggedIn(port, "expert1");
        assertThat(get(expert, "/api/claims/calculator").statusCode()).isEqualTo(403);
    }

    /**
     * A read by the session keeps the session as it is: renewing its id on every request (Spring's session-fixation
     * default) made a page's second request in flight, or Tasklist in another tab, lose the login.
     */
    @Test
    void readsByTheSessionLeaveTheSessionAsItIsSoParallelRequestsAllSucceed() throws Exception {
        HttpClient auditor = WebappLogin.loggedIn(port, "auditor");
        HttpResponse<String> read = get(auditor, "/api/audit/cases?q=SB");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).as("no new session id").isEmpty();

        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> parallel = new java.util.ArrayList<>();
        for (String path : List.of("/api/audit/cases?q=a", "/api/audit/cases?q=b", "/api/claims/calculator?date=2025-06-01&organizationId=1",
                "/camunda/api/engine/engine/default/task/count")) {
            parallel.add(auditor.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var response : parallel) {
            assertThat(response.get().statusCode()).as(response.get().uri().toString()).isEqualTo(200);
        }
    }

    @Test
    void aListIsImportedWithTheSessionOnlyWithItsCsrfToken() throws Exception {
        HttpResponse<String> forged = WebappLogin.session(port, "kjj")
                .sendWithoutCsrfToken("POST", "/api/claims/award-lists", MULTIPART, NOT_A_LIST);
        assertThat(forged.statusCode()).as("the session's cookie alone, as another site's form would send it")
                .isEqualTo(401);

        WebappLogin.Browser leadUnit = WebappLogin.session(port, "kjj");
        leadUnit.get("/camunda/api/engine/engine/default/task/count");
        HttpResponse<String> withToken = leadUnit.send("POST", "/api/claims/award-lists", MULTIPART, NOT_A_LIST);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(400);
        assertThat(withToken.body()).contains("名单无法读取");

        WebappLogin.Browser auditor = WebappLogin.session(port, "auditor");
        auditor.get("/camunda/api/engine/engine/default/task/count");
        HttpResponse<String> byAuditor = auditor.send("POST", "/api/claims/award-lists", MULTIPART, NOT_A_LIST);
        assertThat(byAuditor.statusCode()).as("auditors change nothing").isEqualTo(403);
    }
}
