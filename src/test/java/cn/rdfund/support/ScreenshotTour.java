package cn.rdfund.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The user guide's screenshots of Tasklist, taken while the process tests work their tasks: with
 * {@code -Drdfund.screenshots=true}, before {@link ProcessDriver} completes a task whose kind has a picture in
 * docs/images (below), headless Chromium (Chinese) logs in as the task's user, opens the task and saves the picture to
 * target/screenshots, from where docs/images takes it (docs/user-guide.md, "Screenshots"). A kind is the case's
 * process and the task's name before " · " (the case's label), refined where the same task has a picture for another
 * situation ({@link #VARIANTS}, e.g. a 揭榜 team's application); the first task of a kind is the one shown. Some kinds
 * also give the user's task list ({@link #LISTS}) or a refused submission ({@code project-agreement-refused.png}).
 * Off, it does nothing.
 */
public final class ScreenshotTour {

    static final boolean ON = Boolean.getBoolean("rdfund.screenshots");

    private static final Map<String, String> IMAGES = Map.ofEntries(
            Map.entry("FundingCall:审核指南", "call-approval-form.png"),
            Map.entry("FundingCall:截止申报（到期自动截止）", "call-window-task.png"),
            Map.entry("FundingCall:公示（期间登记异议）", "call-public-notice.png"),
            Map.entry("FundingApplication:填写申报书", "application-form.png"),
            Map.entry("FundingApplication:形式审查", "formal-check-form.png"),
            Map.entry("FundingApplication:补正材料", "application-correction-form.png"),
            Map.entry("FundingApplication:回避声明", "review-declaration-form.png"),
            Map.entry("FundingApplication:评审打分", "review-score-form.png"),
            Map.entry("FundingApplication:填写申报书/揭榜", "challenge-application-form.png"),
            Map.entry("FundingApplication:组织合议", "review-consensus-form.png"),
            Map.entry("ExpertReview:组织合议", "review-consensus-form.png"),
            Map.entry("ProjectExecution:填写任务书", "project-agreement-form.png"),
            Map.entry("ProjectExecution:审核任务书", "project-agreement-approval.png"),
            Map.entry("ProjectExecution:拨付审批", "disbursement-approval-form.png"),
            Map.entry("ProjectExecution:中期检查（到期自动开始）", "midterm-start-task.png"),
            Map.entry("ProjectExecution:提交中期进展报告", "progress-report-form.png"),
            Map.entry("ProjectExecution:中期检查评议", "midterm-assessment-form.png"),
            Map.entry("ProjectExecution:中期检查评议/复查", "midterm-recheck-form.png"),
            Map.entry("ProjectExecution:整改", "rectification-form.png"),
            Map.entry("ProjectExecution:提交验收材料", "final-report-form.png"),
            Map.entry("ProjectExecution:审核延期申请", "extension-approval-form.png"),
            Map.entry("ProjectExecution:验收评议", "acceptance-assessment-form.png"),
            Map.entry("Challenge:需求登记", "challenge-demand-form.png"),
            Map.entry("Challenge:需求审查", "challenge-check-form.png"),
            Map.entry("Challenge:需求论证", "challenge-validation-form.png"),
            Map.entry("Challenge:里程碑争议认定", "challenge-dispute-form.png"),
            Map.entry("Challenge:揭榜验收评议", "challenge-acceptance-assessment-form.png"),
            Map.entry("Challenge:赛马结果告知", "challenge-gate-outcome-form.png"),
            Map.entry("Challenge:发榜", "challenge-publish-form.png"),
            Map.entry("Challenge:揭榜期（到期自动截止）", "challenge-window-task.png"),
            Map.entry("Challenge:发榜方评估并定标", "challenge-selection-form.png"),
            Map.entry("Challenge:拟定揭榜合同", "challenge-contract-form.png"),
            Map.entry("Challenge:揭榜方确认合同", "challenge-contract-accept-form.png"),
            Map.entry("Challenge:会签合同", "challenge-countersign-form.png"),
            Map.entry("Challenge:提交里程碑报告", "challenge-milestone-report-form.png"),
            Map.entry("Challenge:发榜方确认里程碑", "challenge-milestone-confirm-form.png"),
            Map.entry("Challenge:登记向揭榜方支付", "challenge-owner-payment-form.png"),
            Map.entry("Challenge:确认发榜方支付凭证", "challenge-payment-confirm-form.png"),
            Map.entry("Challenge:拨付审批", "challenge-support-disbursement-form.png"),
            Map.entry("Challenge:拨付审批/验收", "challenge-final-support-form.png"),
            Map.entry("Challenge:提交验收材料", "challenge-acceptance-report-form.png"),
            Map.entry("Challenge:发榜方验收签认", "challenge-signoff-form.png"),
            Map.entry("PolicyClaim:填写申领", "claim-form.png"),
            Map.entry("PolicyClaim:形式审查", "claim-check.png"),
            Map.entry("PolicyClaim:配合单位会商", "claim-consult.png"),
            Map.entry("PolicyClaim:一事一议", "claim-committee.png"),
            Map.entry("PolicyClaim:审批", "claim-approval.png"),
            Map.entry("PolicyClaim:公示结果", "claim-notice.png"));

    /**
     * What tells a task's situation apart, from its variables (and those of the processes that called it, the nearest
     * first) and what is being submitted; null for the kind's usual picture.
     */
    private static final Map<String, Function<Map<String, Object>, String>> VARIANTS = Map.of(
            "FundingApplication:填写申报书", variables -> String.valueOf(variables.get("title")).contains("揭榜") ? "揭榜" : null,
            "ProjectExecution:中期检查评议", variables -> Integer.valueOf(2).equals(variables.get("panelRound")) ? "复查" : null,
            "Challenge:拨付审批", variables -> Boolean.TRUE.equals(variables.get("acceptance")) ? "验收" : null);

    /** The task lists shown before the task itself: the filter clicked and the picture. */
    private static final Map<String, String[]> LISTS = Map.of(
            "ProjectExecution:拨付审批", new String[] {"待领取", "tasklist-finance.png"},
            "ProjectExecution:提交中期进展报告", new String[] {"我的待办", "tasklist-applicant-project.png"});

    private static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();
    private static Browser browser;
    private static String loggedIn;

    private ScreenshotTour() {
    }

    /** Before {@code user} completes {@code task} of a case whose root process is {@code caseProcess}. */
    static synchronized void beforeCompleting(Task task, Map<String, Object> variables, String user,
            String caseProcess, int port) {
        String plainKind = caseProcess + ":" + task.getName().split(" · ")[0];
        String variant = VARIANTS.getOrDefault(plainKind, any -> null).apply(variables);
        String kind = variant == null ? plainKind : plainKind + "/" + variant;
        int occurrence = SEEN.merge(kind, 1, Integer::sum);
        String image = occurrence == 1 ? IMAGES.get(kind) : null;
        System.out.println("screenshot tour: " + kind + " #" + occurrence + " -> " + image);
        if (image == null) {
            return;
        }
        try {
            if (!user.equals(loggedIn)) {
                if (browser != null) {
                    browser.close();
                }
                browser = Browser.start(port, "zh-CN");
                browser.open("/camunda/app/tasklist/");
                browser.logIn(user, user);
                browser.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("我的待办")));
                loggedIn = user;
            }
            if (LISTS.containsKey(kind)) {
                browser.open("/camunda/app/tasklist/default/#/");
                browser.clickWhenReady(By.partialLinkText(LISTS.get(kind)[0]));
                browser.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText(task.getName())));
                // No focus ring or tooltip of the filter just clicked in the picture.
                ((JavascriptExecutor) browser.driver()).executeScript("document.activeElement.blur();");
                new Actions(browser.driver()).moveToLocation(700, 600).perform();
                Thread.sleep(1500);
                browser.shot(LISTS.get(kind)[1]);
            }
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field")));
            if (kind.equals("ProjectExecution:中期检查评议/复查")) {
                browser.click(browser.find(field("Field_RecheckInfo")));
            }
            Thread.sleep(1500);
            browser.shot(image);
            if (kind.equals("FundingApplication:填写申报书/揭榜")) {
                fillChallengeApplication(variables);
                browser.shot(image);
            }
            if (kind.equals("ProjectExecution:填写任务书")) {
                refuseAgreementWithOneMilestone();
            }
        } catch (Exception | AssertionError notTaken) {
            System.out.println("screenshot tour: no " + image + ": " + notTaken);
            loggedIn = null;
        }
    }

    /** Submitted in the browser with one milestone, the agreement is refused by the server and nothing is written. */
    private static void refuseAgreementWithOneMilestone() throws Exception {
        LocalDate acceptance = LocalDate.now().plusYears(2);
        browser.find(field("Field_Milestones")).sendKeys(Keys.chord(Keys.CONTROL, "a"), acceptance + " 完成中试与验收");
        browser.find(By.cssSelector("[id*='-Field_MidtermDate'] input, input[id*='-Field_MidtermDate']"))
                .sendKeys(acceptance.minusYears(1).toString(), Keys.TAB);
        browser.find(field("Field_Indicators")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "1. 完成2个缓释制剂品种的处方工艺研究；\n2. 申请发明专利3项。");
        Thread.sleep(500);
        browser.click(browser.find(By.xpath("//button[normalize-space(.)='完成']")));
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(@class,'notification') and contains(.,'里程碑')]")));
        Thread.sleep(500);
        browser.shot("project-agreement-refused.png");
    }

    /** A team's application shows what it applies for: the challenge chosen and the team's own offer. */
    private static void fillChallengeApplication(Map<String, Object> variables) throws Exception {
        browser.find(By.cssSelector("[id$='-Field_Call-display']")).click();
        browser.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(.,'揭榜')]"))).click();
        browser.find(field("Field_Title")).sendKeys(String.valueOf(variables.get("title")));
        browser.find(field("Field_Requested")).sendKeys(String.valueOf(variables.get("requestedWan")));
        browser.find(field("Field_ProjectSummary")).sendKeys("面向发榜方需求的技术路线与关键指标");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; });");
        Thread.sleep(1000);
    }

    private static By field(String id) {
        return By.cssSelector("[id$='-" + id + "']");
    }
}
