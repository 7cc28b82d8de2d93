package cn.rdfund.system.security;

import static cn.rdfund.support.LoopbackHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Http;
import cn.rdfund.support.WebappLogin;
import cn.rdfund.support.LoopbackHttp;
import cn.rdfund.support.RdfundIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 13, item 5, as the attack: someone guesses finance's password to lock the payment approver out. Each client
 * connects from its own loopback address (127.0.0.2, .3, …), so the server sees separate machines without trusting
 * any header; the ordinary test clients, and finance at its desk, are 127.0.0.1. No address here is used twice,
 * so the throttle's memory (shared by every test class in this Spring context) cannot leak into other tests.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // locks demo users' logins, which every other class logs in with
class LoginLockoutAttackTest {

    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> DEMO_USERS = List.of("kjj", "kjj2", "fgw", "gxj", "rsj", "wjw", "jyj",
            "expert1", "expert2", "expert3", "expert4", "expert5", "expert6", "finance", "auditor", "applicant",
            "applicant2", "applicant3", "admin");

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottleSettings throttle;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void guessingFinancesPasswordSlowsTheGuesserDownAndNeverLocksFinanceOut() throws Exception {
        LoopbackHttp basicGuesser = LoopbackHttp.from("127.0.0.2", port);
        List<LoopbackHttp.Response> overBasic = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            overBasic.add(basicGuesser.get("/engine-rest/engine", "Authorization", basic("finance", "guess-" + i)));
        }
        LoopbackHttp formGuesser = browserFrom("127.0.0.3");
        List<LoopbackHttp.Response> overLoginForm = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            overLoginForm.add(webappLogin(formGuesser, "finance", "guess-" + i));
        }

        assertSlowedDown(overBasic, "此用户名从您的地址登录失败次数过多");
        assertSlowedDown(overLoginForm, "此用户名从您的地址登录失败次数过多");
        // Camunda's own rule would have locked the account for good after these 10 wrong passwords.
        Map<String, Object> record = jdbc.queryForMap(
                "select ATTEMPTS_ as attempts, LOCK_EXP_TIME_ as locked_until from ACT_ID_USER where ID_ = 'finance'");
        assertThat(((Number) record.get("attempts")).intValue()).isGreaterThanOrEqualTo(10);
        Date lockedUntil = (Date) record.get("locked_until");
        assertThat(lockedUntil == null || !lockedUntil.after(new Date())).as("locked until %s", lockedUntil).isTrue();

        // The guessers, even with the right password now, must wait: nothing is checked for them.
        assertThat(basicGuesser.get("/engine-rest/engine", "Authorization", basic("finance", "finance")).status())
                .isEqualTo(429);
        assertThat(webappLogin(formGuesser, "finance", "finance").status()).isEqualTo(429);

        // Finance at its own desk gets in at once, over both paths, sees its task and approves.
        String approval = startApproval();
        HttpClient tasklist = WebappLogin.loggedIn(port, "finance");
        HttpResponse<String> tasks = tasklist.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/engine/engine/default/task?processInstanceId=" + approval)).build(),
                HttpResponse.BodyHandlers.ofString());
        String taskId = taskService.createTaskQuery().processInstanceId(approval).singleResult().getId();
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).contains(taskId);
        Http finance = Http.as(port, "finance");
        assertThat(finance.get("/api/me").status()).isEqualTo(200);
        assertThat(finance.post("/engine-rest/task/" + taskId + "/complete", "{}").status()).isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(approval).count()).isZero();
    }

    @Test
    void sprayingOnePasswordOverManyNamesStopsThatAddressAndLocksNobody() {
        LoopbackHttp sprayer = LoopbackHttp.from("127.0.0.4", port);
        List<String> names = IntStream.range(0, throttle.failuresPerSource())
                .mapToObj(i -> i < DEMO_USERS.size() ? DEMO_USERS.get(i) : "former-staff-" + i).toList();
        for (String name : names) {
            assertThat(sprayer.get("/api/me", "Authorization", basic(name, "Shenyang2024!")).status())
                    .as(name).isEqualTo(401);
        }

        LoopbackHttp.Response next = sprayer.get("/api/me", "Authorization", basic("someone-else", "Shenyang2024!"));
        assertThat(next.status()).isEqualTo(429);
        assertThat(next.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(next.body()).contains("您的地址登录失败次数过多");
        // The whole address waits, whoever it claims to be (docs/security.md: a shared NAT address shares the wait).
        assertThat(sprayer.get("/api/me", "Authorization", basic("kjj", "kjj")).status()).isEqualTo(429);
        // Everyone it sprayed gets in from their own machines.
        for (String user : DEMO_USERS) {
            assertThat(Http.as(port, user).get("/api/me").status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void rotatingXForwardedForBuysNoMoreGuesses() {
        LoopbackHttp guesser = LoopbackHttp.from("127.0.0.5", port);
        for (int i = 0; i < throttle.failuresPerUser(); i++) {
            assertThat(guesser.get("/api/me", "Authorization", basic("auditor", "guess-" + i),
                    "X-Forwarded-For", "10.20.30." + i).status()).isEqualTo(401);
        }

        assertThat(guesser.get("/api/me", "Authorization", basic("auditor", "guess"),
                "X-Forwarded-For", "10.20.30.99", "X-Real-IP", "10.20.30.99").status()).isEqualTo(429);
    }

    /**
     * Camunda's REST API checks other people's passwords too ({@code POST /identity/verify}): the allow-list leaves it
     * to administrators, and even for them the same count applies.
     */
    @Test
    void theEnginesPasswordCheckIsAdministratorsOnlyAndCountsForTheAddressToo() {
        assertThat(Http.as(port, "kjj").post("/engine-rest/identity/verify",
                "{\"username\":\"finance\",\"password\":\"guess\"}").status()).isEqualTo(403);
        LoopbackHttp insider = LoopbackHttp.from("127.0.0.6", port);
        String manager = basic("admin", "admin");
        LoopbackHttp.Response first = insider.post("/engine-rest/identity/verify", "application/json",
                "{\"username\":\"finance\",\"password\":\"guess\"}", "Authorization", manager);
        assertThat(first.status()).isEqualTo(200);
        for (int i = 1; i < throttle.failuresPerUser(); i++) {
            insider.post("/engine-rest/identity/verify", "application/json",
                    "{\"username\":\"finance\",\"password\":\"guess-" + i + "\"}", "Authorization", manager);
        }

        assertThat(insider.post("/engine-rest/identity/verify", "application/json",
                "{\"username\":\"finance\",\"password\":\"finance\"}", "Authorization", manager).body())
                .contains("\"authenticated\":false");
        assertThat(Http.as(port, "admin").post("/engine-rest/identity/verify",
                "{\"username\":\"finance\",\"password\":\"finance\"}").body()).contains("\"authenticated\":true");
    }

    /** Replaces AccessMatrixTest's check of Camunda's old delay, under which the right password failed here. */
    @Test
    void aUserWhoMistypesGetsInWithTheRightPasswordAtOnce() {
        if (identityService.createUserQuery().userId("mistyping-user").count() == 0) {
            User user = identityService.newUser("mistyping-user");
            user.setPassword("right-password");
            identityService.saveUser(user);
            // Without a role the allow-list would refuse even the engine list.
            identityService.createMembership("mistyping-user", Groups.APPLICANTS);
        }
        LoopbackHttp desk = LoopbackHttp.from("127.0.0.7", port);

        LoopbackHttp.Response wrong = desk.get("/engine-rest/engine", "Authorization",
                basic("mistyping-user", "wrong-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(desk.get("/engine-rest/engine", "Authorization", basic("mistyping-user", "right-password")).status())
                .isEqualTo(200);
        // A success forgets the mistakes: again all but one of the free failures, and the right password still works.
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i < throttle.failuresPerUser(); i++) {
                assertThat(desk.get("/engine-rest/engine", "Authorization", basic("mistyping-user", "typo-" + i))
                        .status()).isEqualTo(401);
            }
            assertThat(desk.get("/engine-rest/engine", "Authorization", basic("mistyping-user", "right-password"))
                    .status()).isEqualTo(200);
        }
    }

    /** The free failures are checked (401); every attempt after them waits, unchecked (429, Retry-After). */
    private void assertSlowedDown(List<LoopbackHttp.Response> responses, String message) {
        int free = throttle.failuresPerUser();
        assertThat(responses.subList(0, free)).allSatisfy(response -> assertThat(response.status()).isEqualTo(401));
        assertThat(responses.subList(free, responses.size())).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(429);
            assertThat(response.header("Retry-After"))
                    .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            assertThat(response.body()).contains(message).contains("\"message\"");
        });
    }

    /** A browser on that address that has loaded Tasklist, and so holds the webapps' CSRF token. */
    private LoopbackHttp browserFrom(String address) {
        LoopbackHttp browser = LoopbackHttp.from(address, port);
        browser.get("/camunda/app/tasklist/default/");
        assertThat(browser.cookie("XSRF-TOKEN")).isPresent();
        return browser;
    }

    private LoopbackHttp.Response webappLogin(LoopbackHttp browser, String user, String password) {
        return browser.post(WEBAPP_LOGIN, FORM, "username=" + user + "&password=" + password,
                "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow());
    }

    /** A payment approval (拨付审批) waiting for finance, as a minimal process of its own. */
    private String startApproval() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("LockoutProbe").count() == 0) {
            repositoryService.createDeployment()
                    .addModelInstance("LockoutProbe.bpmn", Bpmn.createExecutableProcess("LockoutProbe")
                            .camundaHistoryTimeToLive(1)
                            .startEvent()
                            .userTask("Task_ApprovePayment").name("拨付审批").camundaCandidateGroups("finance")
                            .endEvent()
                            .done())
                    .deploy();
        }
        return runtimeService.startProcessInstanceByKey("LockoutProbe").getId();
    }
}
