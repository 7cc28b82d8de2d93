package cn.rdfund.system.security;

import static cn.rdfund.project.ProjectExecutionProcess.ASSESSMENT_COMMENT;
import static cn.rdfund.project.ProjectExecutionProcess.PROGRESS_REPORT;
import static cn.rdfund.project.ProjectExecutionProcess.SPENT_WAN;
import static cn.rdfund.project.ProjectExecutionProcess.TASK_ASSESS_MIDTERM;
import static cn.rdfund.project.ProjectExecutionProcess.TASK_REPORT_PROGRESS;
import static cn.rdfund.project.ProjectExecutionProcess.VERDICT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.project.Project;
import cn.rdfund.review.ExpertReviewProcess;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.WebappLogin;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks of issue 13, items 1 and 2, as a logged-in user would send them: ending one's own step through
 * Camunda's generic API, and reading another unit's cases or a running panel's opinions through history.
 */
@RdfundIntegrationTest
class TrustBoundaryAttackTest {

    private static final String BPMN_ERROR = "{\"errorCode\":\"x\",\"variables\":{\"formalCheckDecision\":"
            + "{\"value\":\"PASS\"}}}";

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProjectScenarios scenarios;

    @Autowired
    ProcessDriver driver;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    CaseReadGrantBackfill backfill;

    @Test
    void anApplicantCannotEndTheirApplicationWithABpmnErrorThroughEitherDoor() {
        String applicant = lifecycle.newApplicant("攻击者");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL).get(0);

        Http.Response rest = Http.as(port, applicant).post("/engine-rest/task/" + fill.getId() + "/bpmnError", BPMN_ERROR);
        HttpResponse<String> webapp = WebappLogin.session(port, applicant).send("POST",
                "/camunda/api/engine/engine/default/task/" + fill.getId() + "/bpmnError", "application/json", BPMN_ERROR);
        Http.Response escalation = Http.as(port, applicant).post("/engine-rest/task/" + fill.getId() + "/bpmnEscalation",
                "{\"escalationCode\":\"x\"}");

        assertThat(rest.status()).isEqualTo(403);
        assertThat(rest.body()).contains("不能执行此操作");
        assertThat(webapp.statusCode()).isEqualTo(403);
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(lifecycle.tasks(application, FundingApplicationProcess.TASK_FILL)).hasSize(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(application.getId())
                .variableName("formalCheckDecision").count()).isZero();
    }

    @Test
    void anExpertCannotSkipTheirDeclarationAndAnApplicantCannotSkipTheMidTermCheck() {
        ProcessInstance application = inReview("回避测试");
        Task declaration = lifecycle.tasks(application, ExpertReviewProcess.TASK_DECLARE).get(0);

        assertThat(Http.as(port, declaration.getAssignee())
                .post("/engine-rest/task/" + declaration.getId() + "/bpmnError", "{\"errorCode\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(lifecycle.tasks(application, ExpertReviewProcess.TASK_DECLARE)).extracting(Task::getId)
                .contains(declaration.getId());

        Project project = scenarios.underWay("中期跳过测试");
        ProcessInstance execution = lifecycle.projectOf(project.code());
        Task report = lifecycle.tasks(execution, TASK_REPORT_PROGRESS).get(0);
        assertThat(Http.as(port, project.applicantUserId())
                .post("/engine-rest/task/" + report.getId() + "/bpmnError", "{\"errorCode\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(lifecycle.tasks(execution, TASK_REPORT_PROGRESS)).hasSize(1);
    }

    @Test
    void anotherUnitReadsNothingOfACaseThroughTheEngineWhileTheLeadUnitDoes() {
        ProcessInstance call = lifecycle.publishCall("1000");
        ProcessInstance application = lifecycle.submitApplication(call, lifecycle.newApplicant("他处"), "他处不可见的申报", "200");
        long applicationId = applications.findByProcessInstanceId(application.getId()).orElseThrow().id();
        String id = application.getId();

        for (String path : List.of("/history/process-instance?processInstanceId=" + id,
                "/history/variable-instance?processInstanceId=" + id, "/history/activity-instance?processInstanceId=" + id,
                "/process-instance?processInstanceIds=" + id, "/variable-instance?processInstanceIdIn=" + id)) {
            Http.Response byOtherUnit = Http.as(port, "fgw").get("/engine-rest" + path);
            HttpResponse<String> byOtherUnitInCockpit = WebappLogin.session(port, "fgw")
                    .get("/camunda/api/engine/engine/default" + path);
            assertThat(byOtherUnit.body()).as(path).isEqualTo("[]");
            assertThat(byOtherUnitInCockpit.body()).as(path).isEqualTo("[]");
            assertThat(Http.as(port, "kjj").get("/engine-rest" + path).body()).as(path).contains(id);
            assertThat(Http.as(port, "auditor").get("/engine-rest" + path).body()).as(path).contains(id);
        }
        assertThat(Http.as(port, "fgw").get("/engine-rest/process-instance/" + id + "/variables").body())
                .doesNotContain("他处不可见的申报");
        assertThat(Http.as(port, "fgw").get("/api/audit/cases/application/" + applicationId).status()).isEqualTo(404);
        assertThat(Http.as(port, "kjj").get("/api/audit/cases/application/" + applicationId).status()).isEqualTo(200);
    }

    /** An instance that started before reading was granted per instance gets its grants at the next start-up. */
    @Test
    void anInstanceFromBeforeTheUpgradeIsGrantedAtStartUp() {
        ProcessInstance call = lifecycle.publishCall("1000");
        ProcessInstance application = lifecycle.submitApplication(call, lifecycle.newApplicant("升级"), "升级前的申报", "200");
        authorizationService.createAuthorizationQuery().resourceId(application.getId()).list()
                .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
        String path = "/engine-rest/history/process-instance?processInstanceId=" + application.getId();
        assertThat(Http.as(port, "auditor").get(path).body()).isEqualTo("[]");

        backfill.run(null);

        assertThat(Http.as(port, "auditor").get(path).body()).contains(application.getId());
        assertThat(Http.as(port, "kjj").get(path).body()).contains(application.getId());
        assertThat(Http.as(port, "fgw").get(path).body()).isEqualTo("[]");
    }

    @Test
    void nobodyOutsideTheReviewReadsAnExpertsScoresUntilTheReviewHasEnded() {
        ProcessInstance application = inReview("评审保密测试");
        lifecycle.completeAll(application, ExpertReviewProcess.TASK_DECLARE,
                Map.of(ExpertReviewProcess.DECLARATION, ExpertReviewProcess.NO_CONFLICT));
        Task first = lifecycle.tasks(application, ExpertReviewProcess.TASK_SCORE).get(0);
        lifecycle.complete(first, first.getAssignee(), Map.of("advancement", 97, "feasibility", 97, "team", 97,
                "budget", 97, "industrialization", 97, "reviewComment", "第一位专家的意见"));
        lifecycle.runJobs(application);
        String review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(application.getId())
                .singleResult().getId();

        for (String reader : List.of("kjj", "auditor", "finance")) {
            for (String path : List.of("/history/variable-instance?processInstanceId=" + review,
                    "/history/detail?processInstanceId=" + review, "/history/task?processInstanceId=" + review,
                    "/history/process-instance?processInstanceId=" + review)) {
                Http.Response response = Http.as(port, reader).get("/engine-rest" + path);
                assertThat(response.body()).as(reader + " " + path).doesNotContain("第一位专家的意见")
                        .doesNotContain("\"value\":97");
            }
        }
        assertThat(Http.as(port, "kjj").get("/engine-rest/history/variable-instance?variableName=reviewComment").body())
                .contains("须指定流程实例");

        lifecycle.completeAll(application, ExpertReviewProcess.TASK_SCORE, Map.of("advancement", 80, "feasibility", 80,
                "team", 80, "budget", 80, "industrialization", 80, "reviewComment", "其余专家的意见"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(review).singleResult()
                .getEndTime()).as("the review has ended").isNotNull();
        assertThat(Http.as(port, "auditor").get("/engine-rest/history/variable-instance?processInstanceId=" + review)
                .body()).contains("第一位专家的意见");
    }

    @Test
    void aMidTermPanelsOpinionsStayClosedInTheProjectsHistoryUntilThePanelHasSpoken() {
        Project project = scenarios.underWay("中期评议保密测试");
        ProcessInstance execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, project.applicantUserId(),
                Map.of(PROGRESS_REPORT, "进展", SPENT_WAN, "100"));
        Task first = lifecycle.tasks(execution, TASK_ASSESS_MIDTERM).get(0);
        lifecycle.complete(first, first.getAssignee(), Map.of(VERDICT, "FAIL", ASSESSMENT_COMMENT, "第一位评议专家：不通过"));
        String path = "/engine-rest/history/variable-instance?processInstanceId=" + execution.getId();

        Http.Response whileRunning = Http.as(port, "kjj").get(path);
        Http.Response detailWhileRunning = Http.as(port, "auditor")
                .post("/engine-rest/history/detail", "{\"processInstanceId\":\"" + execution.getId() + "\"}");
        Http.Response probe = Http.as(port, "kjj").get("/engine-rest/history/process-instance?variables=verdict_eq_FAIL");

        assertThat(whileRunning.status()).isEqualTo(403);
        assertThat(whileRunning.body()).contains("评审进行中").doesNotContain("第一位评议专家");
        assertThat(detailWhileRunning.status()).isEqualTo(403);
        assertThat(probe.status()).isEqualTo(403);

        lifecycle.completeAll(execution, TASK_ASSESS_MIDTERM, Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "通过"));
        assertThat(Http.as(port, "kjj").get(path).body()).contains("第一位评议专家");
    }

    /** An application through its formal check: the experts are drawn and declare next. */
    private ProcessInstance inReview(String title) {
        ProcessInstance call = lifecycle.publishCall("1000");
        ProcessInstance application = lifecycle.submitApplication(call, lifecycle.newApplicant(title), title, "300");
        lifecycle.complete(application, FundingApplicationProcess.TASK_FORMAL_CHECK, "kjj",
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        return application;
    }
}
