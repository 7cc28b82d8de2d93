package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.money.Wan;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.organization.UnifiedSocialCreditCode;
import cn.rdfund.support.AwardListFile;
import cn.rdfund.support.Browser;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The claim pages in headless Chromium, with the webapps' login: the demo enterprise opens the 政策计算器, sees the
 * measures in force on a day and its room under the 1000万 cap, and estimates a P4.3 claim in 万元; 市科技局 imports a
 * 免申即享 list for P4.3 and sees each row's outcome, then the same file again. Every word the pages themselves show
 * is Chinese (the catalogue's and the enterprises' names in the tables are data).
 */
@RdfundIntegrationTest
@ResourceLock(Browser.CHROMIUM_LOCK)
class ClaimPagesBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{3,}");
    /** Names, not words: the product, the demo users' ids, a file's extension. */
    private static final Set<String> NAMES = Set.of("RDFund", "applicant", "kjj", "xlsx");

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    OrganizationMembers members;

    @Autowired
    OrganizationRepository organizations;

    @Test
    void anEnterpriseEstimatesAClaimInTheCalculator() throws Exception {
        String room = JSON.readTree(Http.as(port, "applicant").get("/api/claims/calculator?date=2025-06-01").body())
                .path("keyTechnologyRoom").asText();

        try (Browser browser = Browser.start(port, "zh-CN")) {
            logIn(browser, "/claims/calculator.html", "applicant");
            browser.open("/claims/calculator.html");
            WebElement date = browser.until(ExpectedConditions.elementToBeClickable(By.id("date")));
            date.clear();
            date.sendKeys("2025-06-01");
            browser.find(By.cssSelector("#query button")).click();
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("measureTable"), "高新技术企业后补助"));
            assertThat(browser.find(By.id("organizationName")).getText()).contains("浑南创新药业");
            assertThat(browser.find(By.id("room")).getText()).as("exactly, from yuan").isEqualTo(
                    Wan.formatExact(new BigDecimal(room)));
            assertThat(browser.find(By.id("measureTable")).getText()).contains("P3.2", "市发改委", "认定类型");
            assertThat(browser.find(By.tagName("header")).getText()).as("an enterprise reads no lists")
                    .doesNotContain("免申即享");

            browser.click(browser.find(By.cssSelector("tr[id='measure-P4.3'] button")));
            browser.until(ExpectedConditions.textToBe(By.id("estimateTitle"), "试算：P4.3 高新技术企业后补助"));
            assertThat(browser.find(By.id("referenceDate")).getAttribute("value")).isEqualTo("2025-06-01");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("field-recognitionType")))
                    .selectByVisibleText("首次认定");
            browser.find(By.cssSelector("#estimateForm button")).click();
            browser.until(ExpectedConditions.textToBe(By.id("amount"), "20.00万元"));

            // A measure with conditions asks them as its claim does, and answers why a claim would be refused.
            browser.click(browser.find(By.cssSelector("tr[id='measure-P5.2'] button")));
            browser.until(ExpectedConditions.textToBe(By.id("estimateTitle"), "试算：P5.2 项目当年竣工投产奖励"));
            browser.find(By.id("referenceDate")).clear();
            browser.find(By.id("referenceDate")).sendKeys("2025-10-01");
            browser.find(By.id("field-investmentWan")).sendKeys("6000");
            browser.find(By.id("field-landCostWan")).sendKeys("1000");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("field-projectKind")))
                    .selectByVisibleText("房地产项目");
            browser.find(By.id("field-startDate")).sendKeys("2025-01-10");
            browser.find(By.id("field-completionDate")).sendKeys("2025-06-30");
            browser.find(By.id("field-productionDate")).sendKeys("2025-10-01");
            browser.find(By.cssSelector("#estimateForm button")).click();
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("estimateResult"),
                    "房地产项目不在支持范围"));
            assertChinese(browser, "the calculator");
            browser.shot("claims-calculator.png");
        }
    }

    @Test
    void aLeadUnitImportsAListAndSeesEveryRowsOutcome() throws Exception {
        String listed = lifecycle.newApplicant("名单页企业");
        String uscc = organizations.findById(members.organizationOf(listed).orElseThrow()).orElseThrow().uscc();
        String unregistered = "91210112MA0Q" + String.format("%05d", System.nanoTime() % 100000);
        unregistered = unregistered + UnifiedSocialCreditCode.checkCharacter(unregistered);
        Path list = Files.createTempDirectory("rdfund-list").resolve("高新技术企业名单.xlsx");
        Files.write(list, AwardListFile.xlsx(List.of(
                List.of(uscc, "名单页企业", "首次认定", "2025-06-01"),
                List.of(unregistered, "未注册企业", "首次认定", "2025-06-01"),
                List.of(uscc, "名单页企业", "首次认定", "2025-06-01"),
                List.of("91210112MA0QXXXXX1", "代码有误企业", "首次认定", "2025-06-01"))));

        try (Browser browser = Browser.start(port, "zh-CN")) {
            logIn(browser, "/claims/award-lists.html", "kjj");
            browser.open("/claims/award-lists.html");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("importForm")));
            new Select(browser.find(By.id("measure"))).selectByValue("P4.3");
            assertThat(browser.find(By.id("measure")).getText()).as("only 市科技局's measures")
                    .doesNotContain("P3.2", "P6.1");
            browser.find(By.id("file")).sendKeys(list.toString());
            browser.find(By.id("importButton")).click();
            browser.until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
            assertThat(browser.find(By.id("rows")).getText()).contains("已为企业开启申领，待企业确认", "未匹配",
                    "企业尚未在系统中注册", "名单内重复", "与第2行重复", "内容有误");
            assertThat(browser.find(By.id("summary")).getText()).isEqualTo(
                    "4 行：已为企业开启申领，待企业确认 1 行，未匹配 1 行，内容有误 1 行，名单内重复 1 行");
            assertThat(browser.find(By.id("result")).getText()).doesNotContain("此前已");
            assertChinese(browser, "an imported list");
            browser.shot("claims-award-list.png");
            String id = browser.find(By.id("listId")).getAttribute("value");

            browser.find(By.id("importButton")).click();
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "本次没有开启任何申领"));
            assertThat(browser.find(By.id("repeated")).getText()).contains("名单号 " + id);

            browser.open("/claims/award-lists.html?id=" + id);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "名单号 " + id));
            assertThat(browser.find(By.id("result")).getText()).contains("高新技术企业名单.xlsx", "未匹配")
                    .doesNotContain("本次没有开启任何申领");
        }
    }

    /** Camunda's login page, to which the claim page sends a browser without a login; then the page itself. */
    private static void logIn(Browser browser, String page, String user) {
        browser.open(page);
        browser.logIn(user, user);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));
    }

    /** The page's own words, without its tables' rows and lists' options (the catalogue's and enterprises' names). */
    private static void assertChinese(Browser browser, String screen) {
        String text = (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const page = document.body.cloneNode(true);
                page.querySelectorAll('tbody, option').forEach(data => data.remove());
                document.body.appendChild(page);
                const text = page.innerText;
                page.remove();
                return text;""");
        List<String> english = ENGLISH_WORD.matcher(text.replaceAll("[0-9a-f]{8,}", "")).results()
                .map(MatchResult::group).filter(word -> !NAMES.contains(word)).distinct().toList();
        assertThat(english).as("English words on " + screen).isEmpty();
    }
}
