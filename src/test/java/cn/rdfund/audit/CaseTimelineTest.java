package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.rdfund.execution.ProjectExecutionProcess.ASSESSMENT_COMMENT;
import static cn.rdfund.execution.ProjectExecutionProcess.PROGRESS_REPORT;
import static cn.rdfund.execution.ProjectExecutionProcess.SPENT_WAN;
import static cn.rdfund.execution.ProjectExecutionProcess.TASK_REPORT_PROGRESS;
import static cn.rdfund.execution.ProjectExecutionProcess.VERDICT;

import cn.rdfund.project.Project;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor finds a case and reads its whole story; managers see only their own unit's cases. */
@RdfundIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseTimelineTest {

    @LocalServerPort
    int port;

    @Autowired
    ProjectScenarios scenarios;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aTerminatedProjectsTimelineHasEveryStepAndEveryAmount() {
        Project project = scenarios.terminatedWithRecovery("终止追回审计项目");

        String found = Http.as(port, "auditor").get("/api/audit/cases?q=终止追回审计项目&kind=project").body();
        assertThat(found).contains("\"code\":\"" + project.code() + "\"", "\"status\":\"TERMINATED\"");
        String timeline = Http.as(port, "auditor").get("/api/audit/cases/project/" + project.id()).body();

        assertThat(timeline).contains(
                // application, formal check and the review per expert with the conflict declaration
                "开始：项目申报", "形式审查", "声明无利益冲突", "加权总分 85.00", "评审结果",
                // the decision table that set the instalments, with inputs and the rule that matched
                "DisbursementSchedule", "命中第",
                // agreement, instalment approved by finance, mid-term panels, the timer, termination
                "任务书", "\"actor\":\"钱财（finance）\"", "中期检查专家评议（第1轮）", "结论 RECTIFY",
                "\"type\":\"TIMER\"",
                // every amount of the ledger: paid, demanded back, repaid twice
                "\"amountDisplay\":\"120.00万元\"", "\"amountDisplay\":\"70.00万元\"", "\"amountDisplay\":\"40.00万元\"",
                "\"amountDisplay\":\"30.00万元\"", "追回（应收）", "追回到账",
                // variable changes with old and new value, and the end of the process
                " → ", "结束：项目实施",
                // a task's deadline (done in time here, so never 逾期)
                "期限 ");
        assertThat(timeline).doesNotContain("逾期");
    }

    @Test
    void aPanelMembersVerdictStaysHiddenUntilTheWholePanelHasSpoken() {
        Project project = scenarios.underWay("评议保密项目");
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, project.applicantUserId(),
                Map.of(PROGRESS_REPORT, "按计划", SPENT_WAN, "60"));
        List<Task> panel = lifecycle.panelTasks(execution, ProjectAssessment.MIDTERM);
        Task first = panel.get(0);
        lifecycle.complete(first, first.getAssignee(), Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "第一位专家的保密意见"));

        String during = Http.as(port, "auditor").get("/api/audit/cases/project/" + project.id()).body();
        assertThat(during).doesNotContain("第一位专家的保密意见").contains(ProcessHistory.SEALED);

        lifecycle.completePanel(execution, ProjectAssessment.MIDTERM, Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "同意"));
        String after = Http.as(port, "auditor").get("/api/audit/cases/project/" + project.id()).body();
        assertThat(after).contains("第一位专家的保密意见", "中期检查专家评议（第1轮）");
    }

    /** A project under way that the incident and visibility tests read without moving it on (built once). */
    private Project waitingForItsProgressReport;

    private Project waitingForItsProgressReport() {
        if (waitingForItsProgressReport == null) {
            waitingForItsProgressReport = scenarios.underWay("他处室不可见项目");
        }
        return waitingForItsProgressReport;
    }

    @Test
    void anOpenIncidentShowsWithItsMessage() {
        Project project = waitingForItsProgressReport();
        ProcessInstance execution = lifecycle.projectOf(project.code());
        String waiting = lifecycle.tasks(execution, TASK_REPORT_PROGRESS).get(0).getExecutionId();
        runtimeService.createIncident("paymentInterface", waiting, null, "银行接口超时");

        assertThat(Http.as(port, "auditor").get("/api/audit/cases/project/" + project.id()).body())
                .contains("\"type\":\"INCIDENT\"", "银行接口超时", "未解决");
    }

    @Test
    void aManagerOfAnotherUnitCannotSeeTheCase() {
        Project project = waitingForItsProgressReport();

        assertThat(Http.as(port, "kjj").get("/api/audit/cases/project/" + project.id()).status()).isEqualTo(200);
        assertThat(Http.as(port, "gxj").get("/api/audit/cases/project/" + project.id()).status()).isEqualTo(404);
        assertThat(Http.as(port, "gxj").get("/api/audit/cases?q=他处室不可见项目").body()).isEqualTo("[]");
        assertThat(Http.as(port, "kjj").get("/api/audit/cases?q=他处室不可见项目").body()).contains(project.code());
        assertThat(Http.as(port, "gxj").get("/api/audit/cases/project/" + project.id() + "/timeline.csv").status())
                .isEqualTo(404);
        assertThat(Http.as(port, "applicant").get("/api/audit/cases?q=他处室不可见项目").status()).isEqualTo(403);
    }
}
