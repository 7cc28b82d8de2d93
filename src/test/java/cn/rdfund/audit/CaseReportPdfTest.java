package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.project.Project;
import cn.rdfund.support.RdfundIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The case report as PDF, read back as text: the case, its money, the ledger's verification and the report's hash. */
@RdfundIntegrationTest
class CaseReportPdfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProjectScenarios scenarios;

    @Autowired
    LifecycleDriver lifecycle;

    @Value("${rdfund.audit.report-font}")
    Path font;

    @Test
    void anAuditorDownloadsTheReportOfAnAcceptedProjectAsPdf() throws Exception {
        // Like the browser tests: skipped where the font is not installed (.ci/ensure-chromium), required in CI.
        Assumptions.assumeTrue(Files.isReadable(font) || "required".equals(System.getenv("RDFUND_BROWSER_TESTS")),
                "no report font " + font);
        Project project = scenarios.accepted("PDF报告测试项目");

        HttpResponse<byte[]> pdf = Http.as(port, "auditor").download("/api/audit/cases/project/" + project.id()
                + "/report.pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        String hash = pdf.headers().firstValue("X-Report-Content-SHA256").orElseThrow();
        assertThat(pdf.headers().firstValue("X-Content-SHA256")).contains(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(pdf.body())));
        assertThat(Http.as(port, "auditor").download("/api/audit/cases/project/" + project.id() + "/report.pdf").body())
                .as("asked for again at once: the same report, not a second one registered").isEqualTo(pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            // Table cells wrap where the layout decides: read the text without its line breaks.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains(project.code(), "PDF报告测试项目", "项目审计报告", "一、概况", "市科技局", "已完成",
                    "二、资金", "120.00万元", "台账完整：已校验", "四、经过", "遴选", "排序与立项建议（公示）", "报告内容摘要",
                    "需关注：七项自动检查均未发现异常", hash, "生成人周审（auditor）");
            // Each panel's answers under its own form's labels (the panel's form is chosen by its caller).
            assertThat(text).contains("中期检查评议", "检查意见：通过（PASS）", "验收意见：通过（PASS）", "拨付审批人：finance")
                    .doesNotContain("disbursementApprovedBy", "（空）→");
            assertThat(document.getNumberOfPages()).isBetween(2, 20);
        }
        HttpResponse<byte[]> forKjj = Http.as(port, "kjj").download("/api/audit/cases/project/" + project.id()
                + "/report.pdf");
        try (PDDocument document = Loader.loadPDF(forKjj.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("台账校验结果仅审计、财务和系统管理员可见")
                    .doesNotContain("台账完整");
        }
        theReportIsRegisteredAndItsOriginalFoundByEitherHash(project, hash, pdf.body(), forKjj.body());
        assertThat(Http.as(port, "applicant").download("/api/audit/cases/project/" + project.id() + "/report.pdf")
                .statusCode()).isEqualTo(403);
        assertThat(Http.as(port, lifecycle.newStaff("pm-gxj")).download("/api/audit/cases/project/" + project.id()
                + "/report.pdf").statusCode()).as("another unit's manager").isEqualTo(404);
    }

    /** 报告核验: each download is registered; the hash printed in it (typed from paper) or the file's finds it. */
    private void theReportIsRegisteredAndItsOriginalFoundByEitherHash(Project project, String printed, byte[] file,
            byte[] kjjsFile) throws Exception {
        String typedFromPaper = printed.substring(0, 8).toUpperCase() + " " + printed.substring(8, 20);
        JsonNode byPrinted = JSON.readTree(Http.as(port, "auditor").get("/api/audit/reports?sha256="
                + URLEncoder.encode(typedFromPaper, StandardCharsets.UTF_8)).body());
        assertThat(byPrinted).singleElement().satisfies(found -> {
            assertThat(found.get("caseCode").asText()).isEqualTo(project.code());
            assertThat(found.get("caseKindLabel").asText()).isEqualTo("项目");
            assertThat(found.get("generatedBy").asText()).isEqualTo("周审（auditor）");
            assertThat(found.get("matched").asText()).isEqualTo("content");
        });
        String fileHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kjjsFile));
        JsonNode byFile = JSON.readTree(Http.as(port, "finance").get("/api/audit/reports?sha256=" + fileHash).body());
        assertThat(byFile).singleElement().satisfies(found -> {
            assertThat(found.get("matched").asText()).isEqualTo("file");
            assertThat(found.get("generatedBy").asText()).contains("kjj");
        });
        HttpResponse<byte[]> original = Http.as(port, "auditor").download("/api/audit/reports/"
                + byPrinted.get(0).get("id").asLong() + "/original.pdf");
        assertThat(original.body()).as("the original is the file handed out").isEqualTo(file);

        Http.Response tooShort = Http.as(port, "auditor").get("/api/audit/reports?sha256=" + printed.substring(0, 10));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("sha256", "至少16位");
        assertThat(JSON.readTree(Http.as(port, "auditor").get("/api/audit/reports?sha256=" + "0".repeat(64)).body()))
                .as("a report nobody issued").isEmpty();
        assertThat(Http.as(port, "kjj").get("/api/audit/reports?sha256=" + printed).status())
                .as("a program manager checks reports through an auditor").isEqualTo(403);
    }
}
