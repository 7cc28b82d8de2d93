package cn.rdfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Browser;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit for an auditor and Admin for an administrator, in a browser set to English, are in Chinese: no English word
 * on their first screens but a few names. Their pictures go to the user guide and the README.
 */
@RdfundIntegrationTest
@ResourceLock(Browser.CHROMIUM_LOCK)
class WebappsInChineseBrowserTest {

    /** Product names, the time zone, and "default", the engine's name Cockpit and Admin show. */
    private static final Set<String> NAMES = Set.of("Camunda", "Platform", "RDFund", "Asia", "Shanghai", "default");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{3,}");

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Test
    void cockpitForAnAuditorIsInChinese() throws Exception {
        try (Browser browser = loggedIn("cockpit", "auditor", "流程监控")) {
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard")));
            Thread.sleep(1500); // the dashboard's counts arrive one after another
            assertThat(english(browser.visibleText())).as("English words in Cockpit's dashboard").isEmpty();
            browser.shot("cockpit-auditor.png");
        }
    }

    @Test
    void adminsGroupsAreInChinese() throws Exception {
        try (Browser browser = loggedIn("admin", "admin", "系统管理")) {
            browser.open("/camunda/app/admin/default/#/groups");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "市科技局项目处室"));
            // The table's rows are data: group ids (pm-kjj, auditors) and types are identifiers, their names Chinese.
            assertThat(english(chromeOf(browser))).as("English words in Admin's groups page").isEmpty();
            assertThat(browser.visibleText()).contains("市科技局项目处室", "审计");
            browser.shot("admin-groups.png");
        }
    }

    /**
     * Pictures only (with -Drdfund.screenshots=true, docs/user-guide.md "Screenshots"): Tasklist's login and a 处室
     * manager's 待领取 with two applications to check. TasklistBrowserTest checks these screens' language.
     */
    @Test
    void tasklistsLoginAndAManagersTasksForTheGuide() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("rdfund.screenshots"), "pictures only: -Drdfund.screenshots=true");
        ProcessInstance call = lifecycle.publishCall("3000");
        lifecycle.submitApplication(call, lifecycle.newApplicant("沈阳示范生物医药有限公司"), "新型抗体药物研发", "300");
        lifecycle.submitApplication(call, lifecycle.newApplicant("沈阳示范医疗器械有限公司"), "介入导管关键技术攻关", "450");
        try (Browser browser = Browser.start(port, "zh-CN")) {
            browser.open("/camunda/app/tasklist/");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
            browser.shot("tasklist-login.png");
            browser.logIn("kjj", "kjj");
            JavascriptExecutor script = (JavascriptExecutor) browser.driver();
            // Clicked by script, so that no tooltip of a hovered link is in the picture.
            script.executeScript("arguments[0].click();",
                    browser.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("待领取"))));
            script.executeScript("arguments[0].click();", browser.until(
                    ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., '形式审查 · SB') and contains(., '新型抗体药物研发')]"))));
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field")));
            Thread.sleep(1500);
            browser.shot("tasklist-kjj.png");
        }
    }

    /** A browser set to English, logged in to the webapp as the user (password = user id), its name in the header. */
    private Browser loggedIn(String webapp, String user, String appName) throws Exception {
        Browser browser = Browser.start(port, "en-US");
        browser.open("/camunda/app/" + webapp + "/");
        browser.logIn(user, user);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), appName));
        return browser;
    }

    /** The page's visible text without its tables' rows. */
    private static String chromeOf(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const page = document.body.cloneNode(true);
                page.querySelectorAll('tbody').forEach(rows => rows.remove());
                document.body.appendChild(page);
                const text = page.innerText;
                page.remove();
                return text;""");
    }

    private static List<String> english(String text) {
        return ENGLISH_WORD.matcher(text).results().map(MatchResult::group)
                .filter(word -> !NAMES.contains(word)).distinct().toList();
    }
}
