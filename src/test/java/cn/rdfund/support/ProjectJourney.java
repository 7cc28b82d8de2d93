package cn.rdfund.support;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.selection.FundingCallProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import cn.rdfund.support.TasklistClient.Completion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A key-technology project (P1.1a, 自主研发) from call to acceptance over {@code /engine-rest}, every step by the user
 * Tasklist gives it to: kjj drafts the call and kjj2 approves it; the applicant applies; kjj checks the application;
 * the drawn experts declare no conflict and score it; kjj closes the window; after the public notice (the
 * application's {@code rdfund.selection.notice-period}, a second in the benchmarks) the applicant drafts the task
 * agreement, kjj approves it, finance approves the first instalment; kjj starts the mid-term check, the applicant
 * reports, the panel passes it, finance approves the second instalment; the applicant reports at the end, the
 * acceptance panel passes it, finance approves the last instalment. Which experts were drawn (and which called
 * process holds a step) is looked up as the administrator, as a program manager would in Cockpit; everything else
 * is done as its user. One call per project, so that journeys run side by side without touching each other.
 */
public final class ProjectJourney {

    /** Payments finance approved, which may still be running (the booking is the job executor's). */
    private final Set<String> approved = new HashSet<>();
    private final JourneySteps steps;

    public ProjectJourney(TasklistClient tasklist) {
        this.steps = new JourneySteps(Nodes.one(tasklist));
    }

    /** {@code acknowledged}: where each completion a node answered with 204 is added as it happens. */
    public ProjectJourney(Nodes nodes, List<Completion> acknowledged) {
        this.steps = new JourneySteps(nodes, acknowledged);
    }

    /** Takes one project through its whole life for this applicant; answers the user tasks completed. */
    public int run(String applicant) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String call = publishedCall(today);
        steps.appliedAndReviewed(applicant, steps.variable(call, FundingCallProcess.CALL_ID),
                "新型制剂关键技术攻关（" + applicant + "）", "300", 85);
        steps.submit("kjj", call, FundingCallProcess.TASK_CLOSE_WINDOW, Map.of());

        JsonNode agreement = steps.awaitTasks(applicant, "taskDefinitionKey=" + TASK_DRAFT_AGREEMENT, 1).get(0);
        String execution = agreement.path("processInstanceId").asText();
        steps.submit(applicant, agreement, Map.of(
                MILESTONES, today.plusMonths(6) + " 完成处方筛选\n" + today.plusMonths(18) + " 完成中试与验收",
                MIDTERM_DATE, today.plusMonths(9).toString(), INDICATORS, "完成2个新制剂中试；申请发明专利3项"));
        steps.submit("kjj", execution, TASK_APPROVE_AGREEMENT, Map.of(AGREEMENT_DECISION, APPROVE));
        financeApproves(execution);
        steps.submit("kjj", execution, TASK_START_MIDTERM, Map.of());
        steps.submit(applicant, execution, TASK_REPORT_PROGRESS,
                Map.of(PROGRESS_REPORT, "按计划完成处方筛选", SPENT_WAN, "100"));
        steps.everyExpert(steps.called(execution, ExpertPanelProcess.KEY), ExpertPanelProcess.TASK_ASSESS,
                Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "进度符合任务书"));
        financeApproves(execution);
        steps.submit(applicant, execution, TASK_FINAL_REPORT, Map.of(FINAL_REPORT_ACTION, SUBMIT,
                FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "完成2个中试，申请发明专利4项",
                AUDIT_REPORT_NO, "辽审字2028第001号", SPENT_WAN, "240"));
        steps.everyExpert(steps.called(execution, ExpertPanelProcess.KEY), ExpertPanelProcess.TASK_ASSESS,
                Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "通过验收"));
        financeApproves(execution);
        return steps.completions();
    }

    /** A call of its own, drafted by kjj, approved by kjj2 and published (open for applications). */
    private String publishedCall(LocalDate today) {
        String call = steps.start("kjj", FundingCallProcess.KEY);
        steps.submit("kjj", call, FundingCallProcess.TASK_DRAFT, Map.of("title", "关键核心技术攻关指南",
                "measure", "P1.1a", "areas", JourneySteps.AREAS, "totalBudgetWan", "1000", "projectCapWan", "500",
                "opensOn", today.toString(), "closesOn", today.plusDays(30).toString()));
        steps.submit("kjj2", call, FundingCallProcess.TASK_APPROVE,
                Map.of(FundingCallProcess.APPROVAL_DECISION, FundingCallProcess.APPROVE));
        return call;
    }

    /** Finance approves every instalment the release point reached (each a payment process of its own). */
    private void financeApproves(String execution) {
        List<String> due = new ArrayList<>();
        TasklistClient.await(() -> steps.get("admin", "/engine-rest/process-instance?superProcessInstance="
                + execution + "&processDefinitionKey=" + DisbursementProcess.KEY), found -> {
                    due.clear();
                    found.forEach(payment -> due.add(payment.path("id").asText()));
                    due.removeAll(approved);
                    return !due.isEmpty();
                }, "a payment of " + execution);
        for (String payment : due) {
            steps.submit("finance", payment, DisbursementProcess.TASK_APPROVE,
                    Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
            approved.add(payment);
        }
    }
}
