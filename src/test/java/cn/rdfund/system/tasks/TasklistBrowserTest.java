package cn.rdfund.system.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.support.Browser;
import cn.rdfund.support.RdfundIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A 处室 manager's first steps of the key-technology journey in Tasklist, in a browser set to English: log in, start
 * 指南发布, attach the guide's meeting minutes (a PDF) in the task's 材料 tab and download them again, fill in 拟定指南
 * with a cap above the policy's, read the server's refusal, correct the cap and complete the task. Every screen is in Chinese: apart from a few names (Camunda, RDFund, the user id) no English word is
 * visible, and the date fields take yyyy-MM-dd.
 */
@RdfundIntegrationTest
@ResourceLock(Browser.CHROMIUM_LOCK)
class TasklistBrowserTest {

    /**
     * Words a Chinese screen may still show: product names, the time zone and the engine's name "default" (Tasklist
     * shows it when the JVM holds several engines, as this test JVM does; a deployment holds one).
     */
    private static final Set<String> NAMES = Set.of("Camunda", "Platform", "RDFund", "Asia", "Shanghai", "default");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{3,}");
    /** The 材料 tab names the file types it accepts, the uploaded file's extension and SHA-256 by their own names. */
    private static final Set<String> FILE_TYPES = Set.of("PDF", "pdf", "Word", "docx", "doc", "Excel", "xlsx", "xls",
            "JPEG", "PNG", "SHA");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identities;

    @Test
    void aManagerDraftsACallInChineseTasklistAndIsToldWhatToCorrect() throws Exception {
        String manager = newManager();
        try (Browser browser = Browser.start(port, "en-US")) {
            browser.open("/camunda/app/tasklist/");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
            assertChinese(browser, "the login page");
            browser.logIn(manager, manager);

            browser.clickWhenReady(By.partialLinkText("发起流程"));
            browser.clickWhenReady(By.partialLinkText("指南发布"));
            browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='发起']")));
            assertChinese(browser, "the start dialog");
            assertThat(browser.visibleText()).as("the start dialog says what to do").contains("这里无需填写任何内容：点击「发起」即可");
            assertThat(browser.driver().findElements(By.id("business-key-field"))).as("no field the server would refuse")
                    .noneMatch(WebElement::isDisplayed);
            assertThat(browser.driver().findElements(By.partialLinkText("添加变量"))).noneMatch(WebElement::isDisplayed);
            browser.shot("start-dialog.png");
            browser.find(By.xpath("//button[normalize-space(.)='发起']")).click();

            browser.clickWhenReady(By.linkText("拟定指南"));
            browser.until(ExpectedConditions.elementToBeClickable(field("Field_Title")));
            assertChinese(browser, "the task list and the empty form");

            browser.clickWhenReady(By.linkText("材料"));
            new Select(browser.until(ExpectedConditions.elementToBeClickable(By.id("rdfund-document-kind"))))
                    .selectByVisibleText("会议纪要");
            Path minutes = Files.createTempDirectory("rdfund-upload").resolve("指南论证会议纪要.pdf");
            Files.write(minutes, PDF);
            browser.find(By.id("rdfund-document-file")).sendKeys(minutes.toString());
            browser.find(By.xpath("//button[normalize-space(.)='上传']")).click();
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".rdfund-documents-message"),
                    "已上传：会议纪要 第1版（指南论证会议纪要.pdf）"));
            assertThat(browser.find(By.cssSelector("table.rdfund-documents tbody")).getText())
                    .contains("会议纪要", "第1版", "指南论证会议纪要.pdf", "赵 丽", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            assertChinese(browser, "the 材料 tab", FILE_TYPES);
            browser.shot("task-documents.png");
            browser.click(browser.find(By.linkText("指南论证会议纪要.pdf")));
            assertThat(Files.readAllBytes(browser.awaitDownload("指南论证会议纪要.pdf"))).as("the download is the upload")
                    .isEqualTo(PDF);

            browser.clickWhenReady(By.linkText("表单"));
            WebElement title = browser.until(ExpectedConditions.elementToBeClickable(field("Field_Title")));
            title.sendKeys("浏览器测试指南");
            browser.find(By.cssSelector("[id$='-Field_Measure-display']")).click();
            browser.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(.,'自主研发')]"))).click();
            browser.find(By.xpath("//label[contains(.,'医学影像')]")).click();
            browser.find(field("Field_TotalBudget")).sendKeys("3000");
            browser.find(field("Field_ProjectCap")).sendKeys("800");
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            typeDate(browser, "Field_OpensOn", today.plusDays(1));
            typeDate(browser, "Field_ClosesOn", today.plusDays(30));
            browser.shot("call-draft-form.png");

            complete(browser);
            WebElement refusal = browser.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[contains(@class,'notification') and contains(.,'单个项目资助上限')]")));
            assertThat(refusal.getText())
                    .contains("未能提交", "单个项目资助上限不能超过政策上限700.00万元")
                    .doesNotContain("Cannot", "form", "ENGINE")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
            assertChinese(browser, "the refused form");
            browser.shot("call-draft-refused.png");

            WebElement cap = browser.find(field("Field_ProjectCap"));
            cap.sendKeys(Keys.chord(Keys.CONTROL, "a"), "700");
            // Completed the instant the last key is typed, by a script (no mouse, so the field keeps the focus): what
            // was typed is what is submitted (Camunda Forms applies typing after a pause or when the field is left).
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();",
                    browser.find(By.xpath("//button[normalize-space(.)='完成']")));
            browser.until(ExpectedConditions.invisibilityOfElementLocated(field("Field_Title")));

            // The approval now waits for the unit: opened before it is claimed, the form says what to do first.
            browser.clickWhenReady(By.partialLinkText("待领取"));
            browser.clickWhenReady(By.partialLinkText("审核指南 · 浏览器测试指南"));
            WebElement readOnly = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".disabled-form")));
            assertThat((String) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return getComputedStyle(arguments[0], '::before').content;", readOnly))
                    .contains("待领取的任务请先点击右上方的「认领」");
            browser.shot("task-to-claim.png");
        }
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_DraftCall").taskAssignee(manager)
                .processVariableValueEquals("title", "浏览器测试指南").count())
                .as("the draft is no longer waiting").isZero();
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_ApproveCall")
                .processVariableValueEquals("title", "浏览器测试指南").singleResult().getName())
                .as("the task names its case").isEqualTo("审核指南 · 浏览器测试指南");
    }

    /** A 市科技局 manager of this test's own, so that its task list holds only what this test started. */
    private String newManager() {
        String id = "zl" + System.nanoTime() % 1_000_000;
        User user = identities.newUser(id);
        user.setFirstName("赵");
        user.setLastName("丽");
        user.setPassword(id);
        identities.saveUser(user);
        identities.createMembership(id, LeadUnit.KJJ.groupId());
        return id;
    }

    private static By field(String id) {
        return By.cssSelector("[id$='-" + id + "']");
    }

    private static void typeDate(Browser browser, String id, LocalDate date) {
        WebElement input = browser.find(By.cssSelector("[id*='-" + id + "'] input, input[id*='-" + id + "']"));
        assertThat(input.getAttribute("placeholder")).as("the date field's pattern").isEqualTo("yyyy-mm-dd");
        input.sendKeys(date.toString(), Keys.TAB);
    }

    private static void complete(Browser browser) {
        browser.click(browser.find(By.xpath("//button[normalize-space(.)='完成']")));
    }

    private static void assertChinese(Browser browser, String screen) {
        assertChinese(browser, screen, Set.of());
    }

    private static void assertChinese(Browser browser, String screen, Set<String> alsoAllowed) {
        // Checksums (hexadecimal digits) are not words.
        String text = browser.visibleText().replaceAll("[0-9a-f]{8,}", "");
        List<String> english = ENGLISH_WORD.matcher(text).results().map(MatchResult::group)
                .filter(word -> !NAMES.contains(word) && !alsoAllowed.contains(word)).distinct().toList();
        assertThat(english).as("English words on " + screen).isEmpty();
    }
}
