package cn.rdfund.system.security;

import cn.rdfund.support.WebappLogin;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who gets 401, 403 or through, per group, on the engine's REST API and on RDFund's own API. */
@RdfundIntegrationTest
class AccessMatrixTest {

    private static final String PROBE = "AccessProbe";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void deployProbeProcess() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            repositoryService.createDeployment()
                    .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE)
                            .camundaHistoryTimeToLive(1)
                            .startEvent()
                            .userTask("Task_Probe").camundaCandidateGroups("pm-kjj")
                            .endEvent()
                            .done())
                    .deploy();
        }
    }

    private Http as(String user) {
        return Http.as(port, user);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-definition",
            "/api/me", "/api/organizations", "/api/ledger?projectId=1", "/actuator/prometheus"})
    void refusesAnonymousCallersWith401(String path) {
        Http.Response response = Http.anonymous(port).get(path);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kjj", "fgw", "gxj", "rsj", "wjw", "jyj", "expert1", "finance", "auditor", "applicant", "admin"})
    void letsEveryDemoUserIn(String user) {
        assertThat(as(user).get("/engine-rest/engine").status()).isEqualTo(200);
        Http.Response me = as(user).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"" + user + "\"");
    }

    @ParameterizedTest(name = "{0} starting a process → {1}")
    @CsvSource({"kjj, 200", "wjw, 403", "admin, 200", "auditor, 403", "expert1, 403", "finance, 403",
            "applicant, 403"})
    void onlyTheDeclaredStartersAndAdminsStartAProcess(String user, int expectedStatus) {
        Http.Response response = as(user).post("/engine-rest/process-definition/key/" + PROBE + "/start", "{}");

        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
    }

    /** 揭榜挂帅 is posted by an enterprise: applicants (and admins) start it, the city's staff and experts do not. */
    @ParameterizedTest(name = "{0} posting a 揭榜挂帅 challenge → {1}")
    @CsvSource({"applicant2, 200", "admin, 200", "kjj, 403", "auditor, 403", "expert1, 403", "finance, 403"})
    void onlyApplicantsPostChallenges(String user, int expectedStatus) {
        Http.Response response = as(user).post("/engine-rest/process-definition/key/Challenge/start", "{}");

        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
    }

    /** Awards are claimed by the enterprise that earned them: applicants (and admins) start a claim. */
    @ParameterizedTest(name = "{0} starting a claim → {1}")
    @CsvSource({"applicant3, 200", "admin, 200", "gxj, 403", "jyj, 403", "auditor, 403", "finance, 403"})
    void onlyApplicantsClaimAwards(String user, int expectedStatus) {
        Http.Response response = as(user).post("/engine-rest/process-definition/key/PolicyClaim/start", "{}");

        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
    }

    /** Starting at the claim form would skip the start event that names the claimant. */
    @Test
    void anApplicantCannotStartAClaimAtItsFormForSomeoneElse() {
        Http.Response response = as("applicant3").post("/engine-rest/process-definition/key/PolicyClaim/start",
                "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_SubmitClaim\"}],"
                        + "\"variables\":{\"claimant\":{\"value\":\"applicant2\"}}}");

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("只有系统管理员可以从指定节点启动流程");
    }

    @ParameterizedTest(name = "{0} completing a pm-kjj task → {1}")
    @CsvSource({"auditor, 403", "expert1, 403", "applicant, 403", "kjj, 204"})
    void onlyCandidatesCompleteTheirTasks(String user, int expectedStatus) {
        String processInstanceId = runtimeService.startProcessInstanceByKey(PROBE).getId();
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();

        Http.Response response = as(user).post("/engine-rest/task/" + task.getId() + "/complete", "{}");

        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        boolean completed = taskService.createTaskQuery().taskId(task.getId()).count() == 0;
        assertThat(completed).isEqualTo(expectedStatus == 204);
    }

    @Test
    void expertsSeeOnlyTheTasksAssignedToThemWhileAuditorsSeeAll() {
        Task forExpert1 = startProbeAssignedTo("expert1");
        Task forExpert2 = startProbeAssignedTo("expert2");

        String expert1Tasks = as("expert1").get("/engine-rest/task?processDefinitionKey=" + PROBE).body();
        String auditorTasks = as("auditor").get("/engine-rest/task?processDefinitionKey=" + PROBE).body();

        assertThat(expert1Tasks).contains(forExpert1.getId()).doesNotContain(forExpert2.getId());
        assertThat(auditorTasks).contains(forExpert1.getId(), forExpert2.getId());
    }

    private Task startProbeAssignedTo(String user) {
        String processInstanceId = runtimeService.startProcessInstanceByKey(PROBE).getId();
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        taskService.setAssignee(task.getId(), user);
        return task;
    }

    @ParameterizedTest(name = "{1} GET {0} → {2}")
    @CsvSource({
            "/api/organizations, applicant, 200", "/api/organizations, expert1, 200",
            "/api/experts, kjj, 200", "/api/experts, auditor, 200", "/api/experts, applicant, 403",
            "/api/experts, expert1, 403",
            "/api/projects, finance, 200", "/api/projects, auditor, 200", "/api/projects, applicant, 200",
            "/api/ledger?projectId=1, finance, 200", "/api/ledger?projectId=1, auditor, 200",
            "/api/ledger?projectId=1, kjj, 200", "/api/ledger?projectId=1, applicant, 200",
            "/api/ledger?projectId=1, expert1, 403"})
    void readAccessToRdfundApi(String path, String user, int expectedStatus) {
        assertThat(as(user).get(path).status()).isEqualTo(expectedStatus);
    }

    @ParameterizedTest(name = "{0} registering an organization → {1}")
    @CsvSource({"auditor, 403", "expert1, 403", "finance, 403"})
    void auditorsExpertsAndFinanceCannotRegisterOrganizations(String user, int expectedStatus) {
        String body = """
                {"uscc":"91210112MA0TEMP01N","name":"不应写入","kind":"ENTERPRISE"}""";

        assertThat(as(user).post("/api/organizations", body).status()).isEqualTo(expectedStatus);
        assertThat(as("admin").get("/api/organizations").body()).doesNotContain("不应写入");
    }

    @Test
    void anAuditorCannotDeleteTheirOwnAccount() {
        Http.Response response = Http.as(port, "auditor").delete("/engine-rest/user/auditor");

        assertThat(response.status()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("auditor").count()).isOne();
    }

    @Test
    void healthIsOpenWithDetailsForAdminsOnly() {
        String anonymous = Http.anonymous(port).get("/actuator/health").body();
        String admin = as("admin").get("/actuator/health").body();

        assertThat(anonymous).contains("\"status\":\"UP\"").doesNotContain("\"db\"");
        assertThat(admin).contains("\"db\"", "\"processEngine\"");
    }

    @Test
    void nobodyCanUseCamundasFirstRunPageToCreateAnAdministrator() {
        HttpResponse<String> response = WebappLogin.postAsBrowser(port, "/camunda/api/admin/setup/default/user/create",
                "application/json", "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}");

        assertThat(response.statusCode()).isEqualTo(403);
        // Refused by RDFund's filter chain, before Camunda's own check ("Setup action not available") runs.
        assertThat(response.body()).contains("无权执行此操作").doesNotContain("Setup action");
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void programManagersAndAuditorsGetIntoTheWebapps() {
        assertThat(WebappLogin.authorizedApps(port, "kjj")).containsAll(List.of("tasklist", "cockpit"));
        assertThat(WebappLogin.authorizedApps(port, "auditor")).containsAll(List.of("tasklist", "cockpit"));
        assertThat(WebappLogin.authorizedApps(port, "expert1")).contains("tasklist").doesNotContain("cockpit");
        assertThat(WebappLogin.authorizedApps(port, "admin")).contains("admin");
    }
}
