package cn.rdfund.support;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.review.ProjectAssessment;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Whole project stories for tests that look at a case afterwards (audit timeline, retention, browser test): a call
 * of kjj, an application reviewed by three experts, the public notice, then either acceptance with every instalment
 * paid or termination at the mid-term check with the unspent funds recovered and repaid.
 */
@Component
public class ProjectScenarios {

    private final LifecycleDriver lifecycle;
    private final ProjectRepository projects;
    private final ApplicationRepository applications;

    ProjectScenarios(LifecycleDriver lifecycle, ProjectRepository projects, ApplicationRepository applications) {
        this.lifecycle = lifecycle;
        this.projects = projects;
        this.applications = applications;
    }

    /** A selected project of 300万 whose agreement the applicant has drafted: a program manager is to approve it. */
    public Project agreementDrafted(String title) {
        return agreementDrafted(title, "300");
    }

    /** A selected project of that amount (万元) whose agreement the applicant has drafted. */
    public Project agreementDrafted(String title, String requestedWan) {
        ProcessInstance call = lifecycle.publishCall("1000");
        ProcessInstance application = lifecycle.applyAndReview(call, lifecycle.newApplicant("审计"), title, requestedWan, 85);
        lifecycle.closeWindow(call);
        lifecycle.endNotice(call);
        Project project = projects.findByApplicationId(
                applications.findByProcessInstanceId(application.getId()).orElseThrow().id()).orElseThrow();
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_DRAFT_AGREEMENT, project.applicantUserId(), Map.of(MILESTONES,
                LifecycleDriver.TODAY.plusMonths(6) + " 完成处方筛选\n" + LifecycleDriver.TODAY.plusMonths(18) + " 完成中试与验收",
                MIDTERM_DATE, LifecycleDriver.TODAY.plusMonths(9).toString(), INDICATORS, "完成2个新制剂中试；申请发明专利3项"));
        return project;
    }

    /** A selected project of 300万 whose agreement is signed and the instalments released at signing (40 %) paid. */
    public Project underWay(String title) {
        Project project = agreementDrafted(title);
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_APPROVE_AGREEMENT, "kjj", Map.of(AGREEMENT_DECISION, APPROVE));
        financeApproves(execution);
        lifecycle.complete(execution, TASK_START_MIDTERM, "kjj", Map.of());
        return project;
    }

    /** Accepted, every instalment (today 120万, 120万, 60万) paid. */
    public Project accepted(String title) {
        Project project = underWay(title);
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, project.applicantUserId(),
                Map.of(PROGRESS_REPORT, "按计划完成处方筛选", SPENT_WAN, "100"));
        panel(execution, ProjectAssessment.MIDTERM, "PASS");
        financeApproves(execution);
        lifecycle.complete(execution, TASK_FINAL_REPORT, project.applicantUserId(), Map.of(FINAL_REPORT_ACTION, SUBMIT,
                FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "完成2个中试，申请发明专利4项", AUDIT_REPORT_NO, "辽审字2028第001号",
                SPENT_WAN, "240"));
        panel(execution, ProjectAssessment.ACCEPTANCE, "PASS");
        financeApproves(execution);
        return projects.findById(project.id()).orElseThrow();
    }

    /** Terminated after a failed re-check, 50万 of the 120万 paid reported as spent: finance is to confirm the recovery. */
    public Project terminated(String title) {
        Project project = underWay(title);
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, project.applicantUserId(),
                Map.of(PROGRESS_REPORT, "进度滞后", SPENT_WAN, "50"));
        panel(execution, ProjectAssessment.MIDTERM, "RECTIFY");
        lifecycle.fireTimer(execution, RECTIFICATION_OVERDUE);
        panel(execution, ProjectAssessment.MIDTERM, "RECTIFY");
        return project;
    }

    /**
     * Terminated after a failed re-check: of the 120万 paid, 50万 were spent, 70万 are demanded back and repaid
     * in two receipts (40万 and 30万): the first recorded by finance and confirmed by finance2, the second the other way
     * round (only who recorded a receipt may not confirm it; on MySQL all of it happens within one second).
     */
    public Project terminatedWithRecovery(String title) {
        Project project = terminated(title);
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_CONFIRM_RECOVERY, "finance", Map.of(RECOVERY_CONFIRMED, true));
        receipt(execution, "40", "JK-1", "finance", "finance2");
        receipt(execution, "30", "JK-2", "finance2", "finance");
        return projects.findById(project.id()).orElseThrow();
    }

    private void receipt(ProcessInstance execution, String repaidWan, String receiptNo, String recorder, String reviewer) {
        lifecycle.complete(execution, TASK_RECORD_REPAYMENT, recorder,
                Map.of(REPAID_WAN, repaidWan, RECEIPT_NO, receiptNo));
        lifecycle.complete(execution, TASK_REVIEW_REPAYMENT, reviewer,
                Map.of(REPAYMENT_REVIEW, CONFIRM));
    }

    /** Finance approves every instalment the release point just reached pays, however many the schedule gives it. */
    private void financeApproves(ProcessInstance execution) {
        do {
            lifecycle.complete(execution, DisbursementProcess.TASK_APPROVE, "finance",
                    Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
        } while (!lifecycle.tasks(execution, DisbursementProcess.TASK_APPROVE).isEmpty());
    }

    private void panel(ProcessInstance execution, String stage, String verdict) {
        lifecycle.completePanel(execution, stage, Map.of(VERDICT, verdict, ASSESSMENT_COMMENT, "评议意见：" + verdict));
    }
}
