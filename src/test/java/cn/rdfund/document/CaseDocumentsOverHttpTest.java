package cn.rdfund.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.selection.FundingCallProcess;
import cn.rdfund.review.ExpertReviewProcess;
import cn.rdfund.support.Http;
import cn.rdfund.support.TasklistClient;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.WebappLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An applicant attaches the 申报书 on 填写申报书 and replaces it; the file is checked by its content; the application's
 * unit, its experts and auditors read it, another applicant learns nothing of it, auditors change nothing, and the
 * case timeline shows both versions.
 */
@RdfundIntegrationTest
class CaseDocumentsOverHttpTest {

    static final byte[] PDF = TasklistClient.MINIMAL_PDF;
    private static final byte[] PROGRAM = concat(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0},
            "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII));

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProcessDriver driver;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anApplicationsDocumentsAreAttachedOnItsTaskAndReadAsTheCaseIsRead() throws Exception {
        ProcessInstance call = lifecycle.publishCall("3000");
        String applicant = lifecycle.newApplicant("材料测试有限公司");
        String stranger = lifecycle.newApplicant("无关企业有限公司");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = tasks.createTaskQuery().processInstanceId(application.getId())
                .taskDefinitionKey(FundingApplicationProcess.TASK_FILL).singleResult();
        String onFill = "/api/tasks/" + fill.getId() + "/documents";

        JsonNode tab = json.readTree(Http.as(port, applicant).get(onFill).body());
        assertThat(tab.path("caseId").asText()).isEqualTo(application.getId());
        assertThat(tab.path("kinds").toString()).contains("申报书", "任务书（签章扫描件）", "支付凭证");
        assertThat(tab.path("accepted").asText()).contains("PDF", "Word（.docx）");

        Http.Response first = Http.as(port, applicant).postFile(onFill, Map.of("kind", "申报书"), "file", "申报书.pdf", PDF);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode v1 = json.readTree(first.body());
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(v1.path("sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(v1.path("uploadedBy").asText()).isEqualTo(applicant);
        assertThat(v1.path("taskName").asText()).isEqualTo(fill.getName());

        // A scanned document of a few MB passes the API's general 1 MB request limit: an upload's is the document's.
        byte[] scan = java.util.Arrays.copyOf(PDF, 3 * 1024 * 1024);
        Http.Response large = Http.as(port, applicant).postFile(onFill, Map.of("kind", "申报附件"), "file", "扫描件.pdf",
                scan);
        assertThat(large.status()).as(large.body()).isEqualTo(201);
        Http.Response tooLarge = Http.as(port, applicant).postFile(onFill, Map.of("kind", "申报附件"), "file",
                "过大.pdf", java.util.Arrays.copyOf(PDF, 11 * 1024 * 1024));
        assertThat(tooLarge.status()).isEqualTo(413);

        Http.Response disguised = Http.as(port, applicant).postFile(onFill, Map.of("kind", "申报书"), "file",
                "申报书.pdf", PROGRAM);
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.body()).contains("「文件」申报书.pdf的内容不是可接受的类型", "可上传：PDF");
        Http.Response noKind = Http.as(port, applicant).postFile(onFill, Map.of("kind", "随便"), "file", "a.pdf", PDF);
        assertThat(noKind.body()).contains("「材料类别」须为其中之一：申报书");
        Http.Response empty = Http.as(port, applicant).postFile(onFill, Map.of("kind", "申报书"), "file", "a.pdf",
                new byte[0]);
        assertThat(empty.body()).contains("「文件」为空");

        byte[] second = (new String(PDF, StandardCharsets.US_ASCII) + "% 第二版\n").getBytes(StandardCharsets.UTF_8);
        JsonNode v2 = json.readTree(Http.as(port, applicant)
                .postFile(onFill, Map.of("kind", "申报书"), "file", "C:\\材料\\申报书（修改）.pdf", second).body());
        assertThat(v2.path("version").asInt()).as("a replaced document is the next version").isEqualTo(2);
        assertThat(v2.path("fileName").asText()).isEqualTo("申报书（修改）.pdf");
        String caseDocuments = "/api/cases/" + application.getId() + "/documents";
        assertThat(json.readTree(Http.as(port, applicant).get(caseDocuments).body())).as("the refused files wrote nothing")
                .extracting(document -> document.path("fileName").asText())
                .containsExactlyInAnyOrder("申报书.pdf", "扫描件.pdf", "申报书（修改）.pdf");

        HttpResponse<byte[]> download = Http.as(port, applicant).download("/api/documents/" + v1.path("id").asLong());
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

        assertThat(Http.as(port, stranger).get(onFill).status()).isEqualTo(404);
        assertThat(Http.as(port, stranger).postFile(onFill, Map.of("kind", "申报书"), "file", "x.pdf", PDF).status())
                .isEqualTo(404);
        assertThat(Http.as(port, stranger).get(caseDocuments).status()).isEqualTo(404);
        assertThat(Http.as(port, stranger).download("/api/documents/" + v1.path("id").asLong()).statusCode())
                .isEqualTo(404);

        assertThat(json.readTree(Http.as(port, "auditor").get(caseDocuments).body())).hasSize(3);
        assertThat(Http.as(port, "auditor").download("/api/documents/" + v2.path("id").asLong()).body())
                .isEqualTo(second);
        assertThat(Http.as(port, "auditor").postFile(onFill, Map.of("kind", "申报书"), "file", "x.pdf", PDF).status())
                .as("auditors change nothing").isEqualTo(403);

        Object callId = runtime.getVariable(call.getId(), "callId");
        driver.complete(application, FundingApplicationProcess.TASK_FILL, applicant, Map.of(
                FundingApplicationProcess.CALL_ID, String.valueOf(callId), "title", "材料测试项目",
                "requestedWan", "300", "coFundingWan", "", "partnerUsccs", "", "projectSummary", "项目简介",
                "teamDescription", "团队", "workPlan", "计划", "promisedIndicators", "指标"));
        lifecycle.runJobs(application);
        assertThat(json.readTree(Http.as(port, "kjj").get(caseDocuments).body())).as("the leading unit reads them")
                .hasSize(3);
        assertThat(json.readTree(Http.as(port, applicant).get(caseDocuments).body()))
                .as("the applicant still reads its own after the task").hasSize(3);

        driver.complete(application, FundingApplicationProcess.TASK_FORMAL_CHECK, "kjj",
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        lifecycle.runJobs(application);
        Task declaration = lifecycle.tasks(application, ExpertReviewProcess.TASK_DECLARE).get(0);
        String expert = declaration.getAssignee();
        assertThat(json.readTree(Http.as(port, expert).get(caseDocuments).body()))
                .as("an expert who has only been asked to declare conflicts reads nothing yet").isEmpty();
        String onDeclaration = "/api/tasks/" + declaration.getId() + "/documents";
        assertThat(json.readTree(Http.as(port, expert).get(onDeclaration).body()).path("attachable").asBoolean())
                .isFalse();
        Http.Response sealed = Http.as(port, expert).postFile(onDeclaration, Map.of("kind", "其他材料"), "file",
                "评审意见.pdf", PDF);
        assertThat(sealed.status()).isEqualTo(400);
        assertThat(sealed.body()).contains("专家评审和评议任务不接受附件");

        lifecycle.completeAll(application, ExpertReviewProcess.TASK_DECLARE,
                Map.of(ExpertReviewProcess.DECLARATION, ExpertReviewProcess.NO_CONFLICT));
        Task scoring = lifecycle.tasks(application, ExpertReviewProcess.TASK_SCORE).stream()
                .filter(task -> expert.equals(task.getAssignee())).findFirst().orElseThrow();
        assertThat(json.readTree(Http.as(port, expert).get(caseDocuments).body()))
                .as("an expert drawn to score the application reads its documents").hasSize(3);
        assertThat(json.readTree(Http.as(port, expert).get("/api/tasks/" + scoring.getId() + "/documents")
                .body()).path("caseId").asText()).as("a review task's documents are its application's")
                .isEqualTo(application.getId());

        long applicationId = ((Number) runtime.getVariable(application.getId(),
                FundingApplicationProcess.APPLICATION_ID)).longValue();
        String timeline = Http.as(port, "auditor").get("/api/audit/cases/application/" + applicationId).body();
        assertThat(timeline).contains("上传材料 申报书", "更换材料 申报书", "申报书 第2版：申报书（修改）.pdf", sha256(second));
    }

    @Test
    void tasklistsLoginAttachesWithItsCsrfTokenAndNeverWithoutIt() throws Exception {
        ProcessInstance call = driver.start(FundingCallProcess.KEY, "kjj");
        Task draft = tasks.createTaskQuery().processInstanceId(call.getId())
                .taskDefinitionKey(FundingCallProcess.TASK_DRAFT).singleResult();
        String path = "/api/tasks/" + draft.getId() + "/documents";
        String boundary = "tasklist-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n会议纪要\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"纪要.pdf\"\r\n\r\n"
                + new String(PDF, StandardCharsets.US_ASCII) + "\r\n--" + boundary + "--\r\n";
        String multipart = "multipart/form-data; boundary=" + boundary;

        HttpResponse<String> forged = WebappLogin.session(port, "kjj")
                .sendWithoutCsrfToken("POST", path, multipart, form);
        assertThat(forged.statusCode()).as("the session's cookie alone, as another site's form would send it")
                .isEqualTo(401);

        WebappLogin.Browser tasklist = WebappLogin.session(port, "kjj");
        // Tasklist's first request after the login, after which the new session holds its CSRF token.
        tasklist.get("/camunda/api/engine/engine/default/task/count");
        HttpResponse<String> attached = tasklist.send("POST", path, multipart, form);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(json.readTree(tasklist.get(path).body()).path("documents")).hasSize(1);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
