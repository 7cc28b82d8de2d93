package cn.rdfund.demo;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ExpertReviewProcess;
import cn.rdfund.selection.FundingCallProcess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two finished projects for the auditors' pages of a fresh demo, worked by the demo users through the real
 * processes: a call of 市科技局, two applications reviewed by the expert pool, the public notice, then 演示：高端制剂
 * 关键技术攻关 (浑南创新药业) accepted with all three instalments paid, and 演示：精准介入器械攻关 (铁西精准医疗器械)
 * terminated at the mid-term re-check with the unspent funds recovered in two receipts. Runs in the background
 * once, on a database without any call; Tasklist is usable meanwhile (the story touches only its own cases). A story
 * interrupted by a stop is not resumed. Off with rdfund.demo.cases=false (tests).
 */
@Component
@Profile("demo")
@Order(200)
class DemoCases implements ApplicationRunner {

    static final String ACCEPTED = "演示：高端制剂关键技术攻关";
    static final String TERMINATED = "演示：精准介入器械攻关";
    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final String AREAS = "[\"新药筛选\", \"新制剂与新释药系统\", \"血管植入介入\", \"医学影像\"]";

    private final DemoTasks tasks;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;

    DemoCases(DemoTasks tasks, RuntimeService runtimeService, JdbcClient jdbc, Clock clock,
            @Value("${rdfund.demo.cases:true}") boolean enabled) {
        this.tasks = tasks;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("SELECT COUNT(*) FROM funding_call").query(Long.class).single() > 0) {
            return;
        }
        Thread story = new Thread(() -> {
            try {
                tell();
                log.info("演示数据：已验收项目“{}”和终止追回项目“{}”已就绪（审计页面 /audit/）", ACCEPTED, TERMINATED);
            } catch (RuntimeException e) {
                log.warn("演示数据：演示项目未能全部完成", e);
            }
        }, "demo-cases");
        story.setDaemon(true);
        story.start();
    }

    private void tell() {
        LocalDate today = LocalDate.now(clock);
        String call = tasks.start(FundingCallProcess.KEY, "kjj");
        tasks.complete(FundingCallProcess.TASK_DRAFT, call, "kjj", Map.of("title", "演示：生物医药关键核心技术攻关指南",
                "measure", "P1.1a", "areas", Spin.JSON(AREAS), "totalBudgetWan", "2000", "projectCapWan", "500",
                "opensOn", today.toString(), "closesOn", today.plusDays(30).toString()));
        tasks.complete(FundingCallProcess.TASK_APPROVE, call, "kjj2",
                Map.of(FundingCallProcess.APPROVAL_DECISION, FundingCallProcess.APPROVE));
        tasks.waitFor(FundingCallProcess.TASK_CLOSE_WINDOW, call);
        Object callId = runtimeService.getVariable(call, FundingCallProcess.CALL_ID);

        apply(callId, "applicant", ACCEPTED, "300", 88);
        apply(callId, "applicant2", TERMINATED, "200", 80);
        tasks.complete(FundingCallProcess.TASK_CLOSE_WINDOW, call, "kjj", Map.of());
        tasks.waitFor(FundingCallProcess.TASK_PUBLIC_NOTICE, call);
        tasks.fireTimer(FundingCallProcess.NOTICE_ENDED, call);

        String accepted = underWay(ACCEPTED, "applicant");
        tasks.complete(TASK_REPORT_PROGRESS, accepted, "applicant", Map.of(PROGRESS_REPORT, "已完成处方筛选和小试",
                SPENT_WAN, "110"));
        panel(accepted, "PASS");
        financeApproves(accepted);
        tasks.complete(TASK_FINAL_REPORT, accepted, "applicant", Map.of(FINAL_REPORT_ACTION, SUBMIT, FINAL_REPORT,
                "完成2个新制剂中试", ACHIEVED_INDICATORS, "完成2个中试；申请发明专利4项", AUDIT_REPORT_NO, "沈审字演示第001号",
                SPENT_WAN, "240"));
        panel(accepted, "PASS");
        financeApproves(accepted);

        String terminated = underWay(TERMINATED, "applicant2");
        tasks.complete(TASK_REPORT_PROGRESS, terminated, "applicant2", Map.of(PROGRESS_REPORT, "样机研制滞后",
                SPENT_WAN, "30"));
        panel(terminated, "RECTIFY");
        tasks.fireTimer(RECTIFICATION_OVERDUE, terminated);
        panel(terminated, "RECTIFY");
        tasks.complete(TASK_CONFIRM_RECOVERY, terminated, "finance", Map.of(RECOVERY_CONFIRMED, true));
        receipt(terminated, "30", "演示-JK-1");
        receipt(terminated, "20", "演示-JK-2");
    }

    /** finance records a receipt, finance2 confirms it (who records one may not confirm it). */
    private void receipt(String project, String repaidWan, String receiptNo) {
        tasks.complete(TASK_RECORD_REPAYMENT, project, "finance",
                Map.of(REPAID_WAN, repaidWan, RECEIPT_NO, receiptNo));
        tasks.complete(TASK_REVIEW_REPAYMENT, project, "finance2",
                Map.of(REPAYMENT_REVIEW, CONFIRM));
    }

    private void apply(Object callId, String applicant, String title, String requestedWan, int score) {
        String application = tasks.start(FundingApplicationProcess.KEY, applicant);
        Map<String, Object> form = new HashMap<>(Map.of(FundingApplicationProcess.CALL_ID, String.valueOf(callId),
                "title", title, "requestedWan", requestedWan, "coFundingWan", "", "partnerUsccs", "",
                "projectSummary", "围绕" + title.substring(3) + "开展研发", "teamDescription", "企业研发中心联合高校团队",
                "workPlan", "第一年完成小试，第二年完成中试与验收"));
        form.put("promisedIndicators", "申请发明专利3项；完成中试");
        tasks.attach(FundingApplicationProcess.TASK_FILL, application, applicant, "申报书", title + "申报书.pdf",
                "/demo/application-form.pdf");
        tasks.complete(FundingApplicationProcess.TASK_FILL, application, applicant, form);
        tasks.complete(FundingApplicationProcess.TASK_FORMAL_CHECK, application, "kjj",
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        tasks.completeEach(ExpertReviewProcess.TASK_DECLARE, application,
                Map.of(ExpertReviewProcess.DECLARATION, ExpertReviewProcess.NO_CONFLICT));
        tasks.completeEach(ExpertReviewProcess.TASK_SCORE, application, Map.of("advancement", score,
                "feasibility", score, "team", score, "budget", score, "industrialization", score,
                "reviewComment", "技术路线清晰，团队具备实施能力"));
    }

    /** The project's agreement signed and approved, its first instalment paid, the mid-term check started. */
    private String underWay(String title, String applicant) {
        String project = tasks.projectTitled(title);
        LocalDate today = LocalDate.now(clock);
        tasks.complete(TASK_DRAFT_AGREEMENT, project, applicant, Map.of(MILESTONES, today.plusMonths(6) + " 完成小试\n"
                + today.plusMonths(18) + " 完成中试与验收", MIDTERM_DATE, today.plusMonths(9).toString(),
                INDICATORS, "申请发明专利3项；完成中试"));
        tasks.complete(TASK_APPROVE_AGREEMENT, project, "kjj", Map.of(AGREEMENT_DECISION, APPROVE));
        financeApproves(project);
        tasks.complete(TASK_START_MIDTERM, project, "kjj", Map.of());
        return project;
    }

    private void financeApproves(String project) {
        tasks.complete(DisbursementProcess.TASK_APPROVE, project, "finance",
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
    }

    /** The experts of the project's running panel (a called ExpertPanel) each give the verdict. */
    private void panel(String project, String verdict) {
        tasks.completeEach(ExpertPanelProcess.TASK_ASSESS, project, Map.of(VERDICT, verdict,
                ASSESSMENT_COMMENT, "PASS".equals(verdict) ? "达到预期目标" : "进度与经费使用不符合任务书，需整改"));
    }
}
