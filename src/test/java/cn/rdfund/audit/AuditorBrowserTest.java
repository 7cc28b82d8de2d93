package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.project.Project;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo auditor in headless Chromium (Debian's chromium and chromedriver): logs in on Camunda's login page, finds
 * a finished project, opens its timeline, verifies the ledger, downloads the timeline as CSV and opens the ledger,
 * dashboard and printable report. Screenshots go to target/screenshots (docs/user-guide.md shows them). Skipped
 * where Chromium is not installed, unless RDFUND_BROWSER_TESTS=required (as in .ci/run).
 */
@RdfundIntegrationTest
class AuditorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    ProjectScenarios scenarios;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path downloads;

    @BeforeEach
    void startChromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("RDFUND_BROWSER_TESTS"))) {
            throw new IllegalStateException("Chromium and chromedriver are required: run .ci/ensure-chromium");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
        downloads = Files.createTempDirectory("rdfund-downloads");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=zh-CN", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("rdfund-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // Headless Chromium saves downloads only where DevTools says so.
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        browser = chrome;
        browser.manage().window().setSize(new Dimension(1400, 1000));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAuditorFindsAFinishedProjectReadsItsTimelineVerifiesTheLedgerAndExportsIt() throws Exception {
        Project project = scenarios.accepted("浏览器审计演示项目");

        open("/audit/index.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
                .sendKeys("auditor");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("auditor");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("审计与监督"))).click();

        wait.until(ExpectedConditions.urlContains("/audit/index.html"));
        // the page opens with the list of every case; search once it is there, as a person would
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cases")));
        browser.findElement(By.id("q")).sendKeys("浏览器审计演示项目");
        // The application has the project's title too: ask for projects, or either may be listed first.
        new Select(browser.findElement(By.name("kind"))).selectByValue("project");
        browser.findElement(By.cssSelector("#search button")).click();
        // the search's one row (the page's first list, of every case, may have shown the project too)
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#cases tr"), 2));
        assertThat(browser.findElement(By.id("cases")).getText()).contains(project.code());
        shot("audit-search.png");

        browser.findElement(By.linkText("浏览器审计演示项目")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("events")));
        String timeline = browser.findElement(By.id("events")).getText();
        assertThat(timeline).contains("形式审查", "专家评审", "声明无利益冲突", "拨付 · 账目", "120.00万元", "60.00万元",
                "验收专家评议", "钱财（finance）", "决策表");

        browser.findElement(By.id("verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "台账完整"));
        shot("audit-timeline.png");

        browser.findElement(By.id("csv")).click();
        Path csv = awaitDownload("timeline-project-" + project.id() + ".csv");
        String exported = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(exported).startsWith("\uFEFF时间,类别,事项,办理人,详情,金额（万元）,流程").contains("120.00", "钱财（finance）");

        open("/audit/ledger.html?limit=2");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("range"), "共"));
        browser.findElement(By.name("projectId")).sendKeys(String.valueOf(project.id()));
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("range"), "共 3 条，本页第 1–2 条"));
        assertThat(browser.findElement(By.id("ledger")).getText()).contains(project.code(), "第1期拨付", "第2期拨付");
        browser.findElement(By.id("next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("range"), "共 3 条，本页第 3–3 条"));
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("第3期拨付").doesNotContain("第1期拨付");
        assertThat(browser.findElement(By.id("next")).isDisplayed()).as("no page after the last").isFalse();
        browser.findElement(By.id("first")).click();
        wait.until(ExpectedConditions.textToBe(By.id("range"), "共 3 条，本页第 1–2 条"));
        shot("audit-ledger.png");
        open("/audit/dashboard.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goalRows")));
        assertThat(browser.findElement(By.id("asOf")).getText()).matches("统计时间 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}（.*");
        Thread.sleep(1000); // let the charts' animation finish before the screenshot
        shot("audit-dashboard.png");
        open("/audit/report.html?kind=project&id=" + project.id());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "台账完整"));
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("300.00万元");
        shot("audit-report.png");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void shot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private Path awaitDownload(String name) throws InterruptedException {
        Path file = downloads.resolve(name);
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        return Optional.of(file).filter(Files::exists)
                .orElseThrow(() -> new AssertionError("no download " + name + " in " + downloads));
    }
}
