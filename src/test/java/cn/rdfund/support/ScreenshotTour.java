package cn.rdfund.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The user guide's screenshots of Tasklist, taken while the process tests work their tasks: with
 * {@code -Drdfund.screenshots=true}, before {@link ProcessDriver} completes a task whose kind has a picture in
 * docs/images (below), headless Chromium (Chinese) logs in as the task's user, opens the task and saves the picture to
 * target/screenshots, from where docs/images takes it (docs/user-guide.md, "Screenshots"). A kind is the case's
 * process and the task's name before " · " (the case's label); the first task of a kind is the one shown.
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
            Map.entry("FundingApplication:组织合议", "review-consensus-form.png"),
            Map.entry("ProjectExecution:填写任务书", "project-agreement-form.png"),
            Map.entry("ProjectExecution:审核任务书", "project-agreement-approval.png"),
            Map.entry("ProjectExecution:拨付审批", "disbursement-approval-form.png"),
            Map.entry("ProjectExecution:中期检查（到期自动开始）", "midterm-start-task.png"),
            Map.entry("ProjectExecution:提交中期进展报告", "progress-report-form.png"),
            Map.entry("ProjectExecution:中期检查评议", "midterm-assessment-form.png"),
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
            Map.entry("Challenge:提交验收材料", "challenge-acceptance-report-form.png"),
            Map.entry("Challenge:发榜方验收签认", "challenge-signoff-form.png"),
            Map.entry("PolicyClaim:填写申领", "claim-form.png"),
            Map.entry("PolicyClaim:形式审查", "claim-check.png"),
            Map.entry("PolicyClaim:配合单位会商", "claim-consult.png"),
            Map.entry("PolicyClaim:一事一议", "claim-committee.png"),
            Map.entry("PolicyClaim:审批", "claim-approval.png"),
            Map.entry("PolicyClaim:公示结果", "claim-notice.png"));

    private static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();
    private static Browser browser;
    private static String loggedIn;

    private ScreenshotTour() {
    }

    /** Before {@code user} completes {@code task} of a case whose root process is {@code caseProcess}. */
    static synchronized void beforeCompleting(Task task, String user, String caseProcess, int port) {
        String kind = caseProcess + ":" + task.getName().split(" · ")[0];
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
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field")));
            Thread.sleep(1500);
            browser.shot(image);
        } catch (Exception | AssertionError notTaken) {
            System.out.println("screenshot tour: no " + image + ": " + notTaken);
            loggedIn = null;
        }
    }
}
