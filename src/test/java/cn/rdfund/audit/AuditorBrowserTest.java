package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.project.Project;
import cn.rdfund.support.Browser;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo auditor in headless Chromium (Debian's chromium and chromedriver): logs in on Camunda's login page, finds
 * a finished project, opens its timeline, verifies the ledger, downloads the timeline as CSV and opens the ledger,
 * dashboard and printable report (screenshots for docs/user-guide.md: {@link Browser}).
 */
@RdfundIntegrationTest
@ResourceLock(Browser.CHROMIUM_LOCK)
class AuditorBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ProjectScenarios scenarios;

    @Test
    void theAuditorFindsAFinishedProjectReadsItsTimelineVerifiesTheLedgerAndExportsIt() throws Exception {
        Project project = scenarios.accepted("浏览器审计演示项目");

        try (Browser browser = Browser.start(port, "zh-CN")) {
            walk(browser, project);
        }
    }

    private static void walk(Browser browser, Project project) throws Exception {
        browser.open("/audit/index.html");
        browser.logIn("auditor", "auditor");
        browser.clickWhenReady(By.partialLinkText("审计与监督"));

        browser.until(ExpectedConditions.urlContains("/audit/index.html"));
        // the page opens with the list of every case; search once it is there, as a person would
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases")));
        browser.find(By.id("q")).sendKeys("浏览器审计演示项目");
        // The application has the project's title too: ask for projects, or either may be listed first.
        new Select(browser.find(By.name("kind"))).selectByValue("project");
        browser.find(By.cssSelector("#search button")).click();
        // the search's one row (the page's first list, of every case, may have shown the project too)
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#cases tr"), 2));
        assertThat(browser.find(By.id("cases")).getText()).contains(project.code());
        browser.shot("audit-search.png");

        browser.clickWhenReady(By.linkText("浏览器审计演示项目"));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("events")));
        String timeline = browser.find(By.id("events")).getText();
        assertThat(timeline).contains("形式审查", "专家评审", "声明无利益冲突", "拨付 · 账目", "120.00万元", "60.00万元",
                "验收专家评议", "钱财（finance）", "决策表");
        // A case file, not the engine's log: the selection that made the project, fields by their forms' labels,
        // no engine elements or variable names unless asked for, each repeated decision once.
        assertThat(timeline).contains("遴选", "排序与立项建议（公示）", "排名第1", "申请资助金额（万元）",
                        "申报指南：ZN")
                .doesNotContain("startEvent", "exclusiveGateway", "Gateway_", "coFundingWan", "requestedWan",
                        "状态 COMPLETED");
        assertThat(browser.find(By.id("facts")).getText()).contains("市科技局", "已完成").doesNotContain("KJJ");
        int shown = browser.driver().findElements(By.cssSelector("#events tr")).size() - 1;
        assertThat(shown).as("the lines shown by default").isLessThan(80);
        String count = browser.find(By.id("count")).getText();
        assertThat(count).endsWith("显示 " + shown + " 条");
        assertThat(Integer.parseInt(count.replaceAll("共 (\\d+) 条.*", "$1"))).as("the engine's rows, on request")
                .isGreaterThan(shown);

        browser.find(By.id("verify")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "台账完整"));
        browser.shot("audit-timeline.png");

        browser.find(By.id("csv")).click();
        Path csv = browser.awaitDownload("timeline-project-" + project.id() + ".csv");
        String exported = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(exported).startsWith("\uFEFF时间,类别,事项,办理人,详情,金额（万元）,流程").contains("120.00", "钱财（finance）");

        // The report as PDF, downloaded as the auditor would and read back (CaseReportPdfTest has the details).
        browser.click(browser.find(By.id("pdf")));
        Path pdf = browser.awaitDownload("report-project-" + project.id() + ".pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                    .contains(project.code(), "台账完整：已校验", "报告内容摘要");
        }
        // 报告核验: the file's SHA-256, as certutil or sha256sum prints it, finds the report and its original.
        String fileHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(pdf)));
        browser.open("/audit/verify.html");
        browser.until(ExpectedConditions.elementToBeClickable(By.name("sha256"))).sendKeys(fileHash.toUpperCase());
        browser.find(By.cssSelector("#verify button")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "文件摘要一致"));
        assertThat(browser.find(By.id("result")).getText()).contains(project.code(), "浏览器审计演示项目", "周审（auditor）",
                "取回原件");
        browser.shot("audit-verify.png");

        browser.open("/audit/ledger.html?limit=2");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("range"), "共"));
        browser.find(By.name("projectId")).sendKeys(String.valueOf(project.id()));
        browser.find(By.cssSelector("#filters button[type=submit]")).click();
        browser.until(ExpectedConditions.textToBe(By.id("range"), "共 3 条，本页第 1–2 条"));
        assertThat(browser.find(By.id("ledger")).getText()).contains(project.code(), "第1期拨付", "第2期拨付");
        browser.find(By.id("next")).click();
        browser.until(ExpectedConditions.textToBe(By.id("range"), "共 3 条，本页第 3–3 条"));
        assertThat(browser.find(By.id("ledger")).getText()).contains("第3期拨付").doesNotContain("第1期拨付");
        assertThat(browser.find(By.id("next")).isDisplayed()).as("no page after the last").isFalse();
        browser.find(By.id("first")).click();
        browser.until(ExpectedConditions.textToBe(By.id("range"), "共 3 条，本页第 1–2 条"));
        browser.shot("audit-ledger.png");
        browser.open("/audit/dashboard.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("goalRows")));
        assertThat(browser.find(By.id("asOf")).getText()).matches("统计范围：全部单位。统计时间 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}（.*");
        Thread.sleep(1000); // let the charts' animation finish before the screenshot
        browser.shot("audit-dashboard.png");
        browser.open("/audit/report.html?kind=project&id=" + project.id());
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "台账完整"));
        assertThat(browser.find(By.id("ledger")).getText()).contains("300.00万元");
        browser.shot("audit-report.png");
    }
}
