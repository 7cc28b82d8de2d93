package cn.rdfund.system.security;

import static cn.rdfund.execution.ProjectExecutionProcess.ASSESSMENT_COMMENT;
import static cn.rdfund.execution.ProjectExecutionProcess.PROGRESS_REPORT;
import static cn.rdfund.execution.ProjectExecutionProcess.SPENT_WAN;
import static cn.rdfund.execution.ProjectExecutionProcess.TASK_REPORT_PROGRESS;
import static cn.rdfund.execution.ProjectExecutionProcess.VERDICT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.project.Project;
import cn.rdfund.review.ExpertReviewProcess;
import cn.rdfund.review.ProjectAssessment;
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
        // RDFund's own API gives the same answer.
        assertThat(Http.as(port, "fgw").get("/api/applications/" + applicationId).status()).isEqualTo(404);
        assertThat(Http.as(port, "fgw").get("/api/applications").body()).doesNotContain("他处不可见的申报");
        assertThat(Http.as(port, "kjj").get("/api/applications/" + applicationId).status()).isEqualTo(200);
        assertThat(Http.as(port, "auditor").get("/api/applications/" + applicationId).status()).isEqualTo(200);
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
        Task first = lifecycle.panelTasks(execution, ProjectAssessment.MIDTERM).get(0);
        lifecycle.complete(first, first.getAssignee(), Map.of(VERDICT, "FAIL", ASSESSMENT_COMMENT, "第一位评议专家：不通过"));
        String path = "/engine-rest/history/variable-instance?processInstanceId=" + execution.getId();
        // the panel runs in its own instance, called by the project's
        String panelPath = "/engine-rest/history/variable-instance?processInstanceId=" + first.getProcessInstanceId();

        Http.Response whileRunning = Http.as(port, "kjj").get(path);
        Http.Response panelWhileRunning = Http.as(port, "auditor").get(panelPath);
        Http.Response detailWhileRunning = Http.as(port, "auditor")
                .post("/engine-rest/history/detail", "{\"processInstanceId\":\"" + execution.getId() + "\"}");
        Http.Response probe = Http.as(port, "kjj").get("/engine-rest/history/process-instance?variables=verdict_eq_FAIL");

        Http.Response runtime = Http.as(port, "kjj").get("/engine-rest/variable-instance?processInstanceIdIn="
                + execution.getId());
        Http.Response runtimeInCockpit = Http.as(port, "auditor").post("/engine-rest/variable-instance",
                "{\"processInstanceIdIn\":[\"" + execution.getId() + "\"]}");
        Http.Response instanceVariables = Http.as(port, "kjj").get("/engine-rest/process-instance/" + execution.getId()
                + "/variables");
        // Camunda reads a POST query from its body: a process instance in the URL pins nothing.
        Http.Response unpinnedPost = Http.as(port, "kjj").post("/engine-rest/history/variable-instance?processInstanceId="
                + execution.getId(), "{}");

        assertThat(whileRunning.status()).isEqualTo(403);
        assertThat(whileRunning.body()).contains("评审进行中").doesNotContain("第一位评议专家");
        assertThat(panelWhileRunning.status()).isEqualTo(403);
        assertThat(panelWhileRunning.body()).contains("评审进行中").doesNotContain("第一位评议专家");
        assertThat(detailWhileRunning.status()).isEqualTo(403);
        assertThat(probe.status()).isEqualTo(403);
        assertThat(List.of(runtime, runtimeInCockpit, instanceVariables)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("第一位评议专家");
        });
        assertThat(unpinnedPost.status()).isEqualTo(403);
        assertThat(unpinnedPost.body()).contains("须指定流程实例");

        lifecycle.completePanel(execution, ProjectAssessment.MIDTERM, Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "通过"));
        assertThat(Http.as(port, "kjj").get(path).status()).isEqualTo(200);
        assertThat(Http.as(port, "kjj").get(panelPath).body()).contains("第一位评议专家");
    }

    /** Camunda's claim takes the new assignee from the request: an assignee could hand their task to anybody. */
    @Test
    void nobodyClaimsATaskForSomeoneElse() {
        ProcessInstance application = inReview("转交测试");
        Task declaration = lifecycle.tasks(application, ExpertReviewProcess.TASK_DECLARE).get(0);
        String expert = declaration.getAssignee();
        String applicant = historyService.createHistoricProcessInstanceQuery().processInstanceId(application.getId())
                .singleResult().getStartUserId();

        Http.Response handedOver = Http.as(port, expert).post("/engine-rest/task/" + declaration.getId() + "/claim",
                "{\"userId\":\"" + applicant + "\"}");
        HttpResponse<String> inTasklist = WebappLogin.session(port, expert).send("POST",
                "/camunda/api/engine/engine/default/task/" + declaration.getId() + "/claim", "application/json",
                "{\"userId\":\"" + applicant + "\"}");

        assertThat(handedOver.status()).isEqualTo(403);
        assertThat(handedOver.body()).contains("只能由本人领取任务");
        assertThat(inTasklist.statusCode()).isEqualTo(403);
        assertThat(lifecycle.tasks(application, ExpertReviewProcess.TASK_DECLARE)).extracting(Task::getAssignee)
                .contains(expert).doesNotContain(applicant);
    }

    @Test
    void anAuditorDoesNotSeeARunningReviewsTasksOrWhoWorksThem() {
        ProcessInstance application = inReview("审计不可见评审");
        String review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(application.getId())
                .singleResult().getId();

        assertThat(Http.as(port, "auditor").get("/engine-rest/task?processInstanceId=" + review).body()).isEqualTo("[]");
        assertThat(Http.as(port, "auditor").get("/engine-rest/history/user-operation?processInstanceId=" + review).body())
                .isEqualTo("[]");
        assertThat(Http.as(port, "auditor").get("/engine-rest/task?processInstanceId=" + application.getId()).status())
                .isEqualTo(200);
    }

    @Test
    void aCommentStaysOnItsOwnTaskAndFitsItsColumn() {
        String applicant = lifecycle.newApplicant("意见");
        ProcessInstance mine = driver.start(FundingApplicationProcess.KEY, applicant);
        ProcessInstance someoneElses = driver.start(FundingApplicationProcess.KEY, lifecycle.newApplicant("他人"));
        Task fill = lifecycle.tasks(mine, FundingApplicationProcess.TASK_FILL).get(0);
        String path = "/engine-rest/task/" + fill.getId() + "/comment/create";

        Http.Response escaped = Http.as(port, applicant).post(path, "{\"message\":\"x\",\"\\u0070rocessInstanceId\":\""
                + someoneElses.getId() + "\"}");
        Http.Response tooLong = Http.as(port, applicant).post(path, "{\"message\":\"" + "长".repeat(4001) + "\"}");
        Http.Response fine = Http.as(port, applicant).post(path, "{\"message\":\"请尽快审查\"}");

        assertThat(escaped.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("过长");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(Http.as(port, "admin").get("/engine-rest/process-instance/" + someoneElses.getId() + "/comment")
                .body()).isEqualTo("[]");
    }

    /** What a start request carries would be taken as decided: an applicant's own 形式审查 outcome, say. */
    @Test
    void aProcessIsStartedWithNothingButTheStart() {
        String applicant = lifecycle.newApplicant("发起");
        String start = "/engine-rest/process-definition/key/" + FundingApplicationProcess.KEY + "/start";

        Http.Response withVariables = Http.as(port, applicant).post(start,
                "{\"variables\":{\"formalCheckDecision\":{\"value\":\"PASS\"}}}");
        Http.Response withBusinessKey = Http.as(port, applicant).post(start, "{\"businessKey\":\"XM-伪造\"}");
        Http.Response skippingListeners = Http.as(port, applicant).post(start, "{\"skipCustomListeners\":true}");
        Http.Response plain = Http.as(port, applicant).post(start, "{}");

        assertThat(withVariables.status()).isEqualTo(403);
        assertThat(withVariables.body()).contains("formalCheckDecision");
        assertThat(withBusinessKey.status()).isEqualTo(403);
        assertThat(skippingListeners.status()).isEqualTo(400);
        assertThat(skippingListeners.body()).doesNotContain("ENGINE-");
        assertThat(plain.status()).isEqualTo(200);
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
