package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 13, item 7: malformed or oversized requests answer 4xx with a reason, and no answer shows engine internals. */
@RdfundIntegrationTest
class CleanErrorsAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessDriver driver;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    HistoryService historyService;

    @ParameterizedTest
    @ValueSource(strings = {"//engine-rest/engine", "/engine-rest;x=1/engine", "/engine-rest/engine;x=1",
            "/engine-rest/%2e%2e/engine", "/engine-rest/./engine", "//api/me", "/camunda/api/engine/engine//default/task"})
    void malformedPathsAnswer400WithAReason(String path) {
        Http.Response response = Http.as(port, "kjj").get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("请求路径无效").doesNotContain("Exception:").doesNotContain("ENGINE-");
    }

    /** Tomcat itself refuses an encoded slash, before any filter: a plain 400 without details. */
    @Test
    void anEncodedSlashIsRefusedByTheServerItself() {
        Http.Response response = Http.as(port, "kjj").get("/engine-rest/task%2Fx");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("Tomcat/");
    }

    @Test
    void aHundredKilobyteTitleIsRefusedNamingTheFieldAndNothingIsWritten() {
        String applicant = lifecycle.newApplicant("超长标题");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL).get(0);
        String title = "很长".repeat(50 * 1024);

        Http.Response response = Http.as(port, applicant).post("/engine-rest/task/" + fill.getId() + "/complete",
                "{\"variables\":{\"title\":{\"value\":\"" + title + "\"}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("「title」过长").doesNotContain("ENGINE-").doesNotContain("persistence");
        assertThat(lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL)).hasSize(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(application.getId())
                .variableName("title").count()).isZero();
    }

    /** The form allows 200 characters for a title: the server holds to it too (3,999 once passed and stuck the case). */
    @Test
    void theFormsOwnLengthLimitHoldsOnTheServer() {
        String applicant = lifecycle.newApplicant("表单上限");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL).get(0);

        Http.Response response = Http.as(port, applicant).post("/engine-rest/task/" + fill.getId() + "/submit-form",
                "{\"variables\":{\"title\":{\"value\":\"" + "题".repeat(3999) + "\"}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("项目名称").contains("最多200字");
        assertThat(lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL)).hasSize(1);
    }

    @Test
    void aBodyWithoutALengthAnswers411() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/task"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("kjj:kjj".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{}".getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
    }

    @Test
    void loginAndConflictErrorsSpeakChineseToo() {
        String applicant = lifecycle.newApplicant("冲突");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL).get(0);

        Http.Response wrongPassword = Http.as(port, "kjj").withPassword("/api/me", "wrong");
        Http.Response prometheus = Http.as(port, "applicant").get("/actuator/prometheus");
        // The form is the applicant's own already: someone else claiming it answers a conflict, not a server error.
        Http.Response alreadyClaimed = Http.as(port, "admin").post("/engine-rest/task/" + fill.getId() + "/claim",
                "{\"userId\":\"admin\"}");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("请先登录").doesNotContain("Unauthorized\",\"path");
        assertThat(prometheus.status()).isEqualTo(403);
        assertThat(alreadyClaimed.status()).isEqualTo(409);
        assertThat(alreadyClaimed.body()).contains("已被他人领取");
    }

    @Test
    void aRequestOverTheSizeLimitAnswers413() {
        Http.Response response = Http.as(port, "kjj").post("/engine-rest/task", "[" + " ".repeat(2 * 1024 * 1024) + "]");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("请求内容过大");
    }

    @Test
    void racingCompletionsOfOneTaskEachGetAnAnswerWithoutEngineInternals() {
        String applicant = lifecycle.newApplicant("并发");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL).get(0);
        Http http = Http.as(port, applicant);

        List<Http.Response> answers = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> http.post("/engine-rest/task/" + fill.getId() + "/complete", "{}")))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isIn(204, 400, 404, 409);
            assertThat(answer.body()).doesNotContain("ENGINE-").doesNotContain("Exception:");
        });
    }

    @Test
    void anEngineErrorSaysWhatHappenedInChineseWithoutItsInsides() {
        Http.Response missing = Http.as(port, "kjj").get("/engine-rest/task/no-such-task");
        Http.Response badQuery = Http.as(port, "kjj").get("/engine-rest/task?sortBy=nonsense");
        Http.Response badJson = Http.as(port, "kjj").post("/engine-rest/task", "{\"processInstanceId\": ");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("未找到").doesNotContain("no-such-task does not exist");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.body()).contains("请求无效").doesNotContain("sortBy");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body()).contains("请求无效").doesNotContain("Unexpected").doesNotContain("line:");
    }
}
