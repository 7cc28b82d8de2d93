package cn.rdfund.audit;

import static cn.rdfund.claim.PolicyClaimProcess.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.claim.ClaimService;
import cn.rdfund.claim.PolicyClaim;
import cn.rdfund.claim.PolicyClaimProcess;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Rosters;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Auditors read every payment with what it was calculated from, and totals; nobody else reads this view. */
@RdfundIntegrationTest
class AuditLedgerTest {

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAwardsPaymentShowsItsCalculationApproverAndTotals() {
        String claimant = lifecycle.newApplicant("审计企业");
        Map<String, Object> form = recognitionAward();
        form.put("otherAwardWan", "15");
        form.put("otherAwardPolicy", "辽宁省高新技术企业奖励");
        ProcessInstance instance = paidRecognitionAward(claimant, form);
        PolicyClaim paid = claims.ofProcess(instance.getId()).orElseThrow();

        String body = Http.as(port, "auditor").get("/api/audit/ledger?projectId=" + paid.projectId()).body();

        assertThat(body).contains("\"kind\":\"DISBURSEMENT\"", "\"approvedBy\":\"finance\"",
                "\"approvers\":{\"finance\":\"钱财（finance）\"}", "\"measure\":\"P4.3\"",
                "\"instalmentPercent\":100", "补差支持5.00万元", "\"disbursedDisplay\":\"5.00万元\"", paid.code());
        assertThat(Http.as(port, "auditor").get("/api/audit/ledger?measure=P4.3&year=" + LifecycleDriver.TODAY.getYear())
                .body()).contains(paid.code());
        assertThat(Http.as(port, "auditor").get("/api/audit/ledger?measure=P4.3&year=2020").body())
                .doesNotContain(paid.code());
        String timeline = Http.as(port, "auditor").get("/api/audit/cases/claim/" + paid.id()).body();
        assertThat(timeline).contains("开始：政策兑现申领", "高新技术企业", "命中第", "= 2025-06-01", "\"amountDisplay\":\"5.00万元\"",
                "钱财（finance）", "结束：政策兑现申领");
        String uscc = jdbc.sql("SELECT uscc FROM organization WHERE id = ?").param(paid.organizationId())
                .query(String.class).single();
        assertThat(Http.as(port, "auditor").get("/api/audit/cases?q=" + uscc).body())
                .as("a whole credit code finds the enterprise's claim and its funding record")
                .contains(paid.code(), "\"kind\":\"claim\"", "\"kind\":\"project\"");
        assertThat(Http.as(port, "gxj").get("/api/audit/cases?q=" + uscc).body()).isEqualTo("[]");
        assertThat(Http.as(port, "finance").get("/api/audit/ledger?projectId=" + paid.projectId()).status()).isEqualTo(200);
        assertThat(Http.as(port, "kjj").get("/api/audit/ledger").status()).isEqualTo(403);
        assertThat(Http.as(port, claimant).get("/api/audit/ledger").status()).isEqualTo(403);
    }

    @Test
    void theLedgerComesAPageAtATimeWithTheTotalsOfEveryLineTheFiltersSelect() throws JsonProcessingException {
        String claimant = lifecycle.newApplicant("分页台账企业");
        ProcessInstance recognition = paidRecognitionAward(claimant, recognitionAward());
        paidTraineeAward(claimant);
        long enterprise = claims.ofProcess(recognition.getId()).orElseThrow().organizationId();
        String query = "/api/audit/ledger?organizationId=" + enterprise;

        JsonNode first = read(Http.as(port, "auditor").get(query + "&limit=1").body());
        JsonNode second = read(Http.as(port, "auditor").get(query + "&limit=1&afterId="
                + first.path("nextAfterId").asLong()).body());

        assertThat(first.path("lines")).hasSize(1);
        assertThat(second.path("lines")).hasSize(1);
        assertThat(second.path("lines").get(0).path("entryId").asLong())
                .isGreaterThan(first.path("lines").get(0).path("entryId").asLong());
        assertThat(second.path("nextAfterId").isNull()).as("the second page is the last").isTrue();
        for (JsonNode page : List.of(first, second)) {
            assertThat(page.path("lineCount").asLong()).isEqualTo(2);
            assertThat(page.path("total").path("disbursedDisplay").asText()).isEqualTo("20.50万元");
            assertThat(page.path("byMeasure").path("P4.3").path("disbursedDisplay").asText()).isEqualTo("20.00万元");
            assertThat(page.path("byMeasure").path("P6.3").path("disbursedDisplay").asText()).isEqualTo("0.50万元");
            assertThat(page.path("byProject")).hasSize(2);
            assertThat(page.path("byEnterprise").fieldNames()).toIterable().singleElement().asString()
                    .startsWith("分页台账企业").endsWith("）").contains("（9");
            assertThat(page.path("groupsCut").asBoolean()).isFalse();
        }
        LedgerReport largestProjectOnly = new LedgerReports(jdbc, Clock.systemDefaultZone(), 1)
                .page(new LedgerReports.Filter(null, enterprise, null, null), 0, 10);
        assertThat(largestProjectOnly.groupsCut()).isTrue();
        assertThat(largestProjectOnly.byProject().values()).singleElement()
                .satisfies(project -> assertThat(project.disbursedDisplay()).isEqualTo("20.00万元"));
        assertThat(largestProjectOnly.total().disbursedDisplay()).isEqualTo("20.50万元");
        assertThat(largestProjectOnly.byMeasure()).hasSize(2);
    }

    @Test
    void theTotalsTakeInAPaymentMadeAfterTheyWereLastShown() throws JsonProcessingException {
        String claimant = lifecycle.newApplicant("台账合计企业");
        ProcessInstance recognition = paidRecognitionAward(claimant, recognitionAward());
        String query = "/api/audit/ledger?organizationId="
                + claims.ofProcess(recognition.getId()).orElseThrow().organizationId();
        JsonNode before = read(Http.as(port, "auditor").get(query).body());

        paidTraineeAward(claimant);
        JsonNode after = read(Http.as(port, "auditor").get(query).body());

        assertThat(before.path("lineCount").asLong()).isEqualTo(1);
        assertThat(before.path("total").path("disbursedDisplay").asText()).isEqualTo("20.00万元");
        assertThat(after.path("lineCount").asLong()).isEqualTo(2);
        assertThat(after.path("total").path("disbursedDisplay").asText()).isEqualTo("20.50万元");
        assertThat(after.path("byMeasure").path("P6.3").path("disbursedDisplay").asText()).isEqualTo("0.50万元");
        assertThat(after.path("byMeasure").path("P4.3").path("disbursedDisplay").asText()).isEqualTo("20.00万元");
        assertThat(after.path("byProject").size()).as("the new claim's funding record beside the first")
                .isEqualTo(2);
        assertThat(after.path("byEnterprise").elements().next().path("disbursedDisplay").asText()).isEqualTo("20.50万元");
    }

    private static JsonNode read(String body) throws JsonProcessingException {
        return new ObjectMapper().readTree(body);
    }

    /** 高新技术企业首次认定 (P4.3): 20万元, less what another policy paid for the same recognition. */
    private static Map<String, Object> recognitionAward() {
        return ClaimDriver.form("P4.3", "2025-06-01", "recognitionType", "FIRST");
    }

    /** 订单班 (P6.3) for one trainee, 5000元: checked by rsj with jyj's opinion, approved, published and paid. */
    private void paidTraineeAward(String claimant) {
        ProcessInstance trainees = drive.submitWithRoster(claimant, ClaimDriver.form("P6.3", "2025-09-01"),
                Rosters.xlsx(List.of(Rosters.graduate("赵学员", Rosters.uniqueIdNumber()))));
        drive.check(trainees, "rsj", PASS, null);
        lifecycle.complete(trainees, PolicyClaimProcess.TASK_CONSULT, "jyj",
                Map.of(PolicyClaimProcess.CONSULT_OPINION, "同意"));
        drive.approve(trainees, "rsj2");
        drive.passNotice(trainees, "rsj");
        drive.financeApproves(trainees);
    }

    /** The award claimed, checked and approved by kjj, published and paid by finance. */
    private ProcessInstance paidRecognitionAward(String claimant, Map<String, Object> form) {
        ProcessInstance instance = drive.submit(claimant, form);
        drive.check(instance, "kjj", PASS, null);
        drive.approve(instance, "kjj2");
        drive.passNotice(instance, "kjj");
        drive.financeApproves(instance);
        return instance;
    }

    @Test
    void everyApiReadIsRecordedWithWhoReadWhatAndAuditorsSeeIt() {
        String claimant = lifecycle.newApplicant("被查看企业");
        Http.as(port, claimant).get("/api/claims");
        // a manager of their own: another class's reads as kjj meanwhile would push this one out of the newest five
        String manager = lifecycle.newStaff("pm-kjj");
        Http.as(port, manager).get("/api/projects?status=IN_PROGRESS");

        String mine = Http.as(port, "auditor").get("/api/audit/access?userId=" + claimant).body();
        assertThat(mine).contains("\"userId\":\"" + claimant + "\"", "\"path\":\"/api/claims\"", "\"result\":\"成功\"",
                "查看了政策兑现申领");
        assertThat(Http.as(port, "auditor").get("/api/audit/access?userId=" + manager + "&limit=5").body())
                .contains("\"path\":\"/api/projects\"", "\"query\":\"status=IN_PROGRESS\"");
        assertThat(Http.as(port, "kjj").get("/api/audit/access").status()).isEqualTo(403);
    }

    /** A program manager's dashboard counts the projects their unit leads; auditors see every unit's. */
    @Test
    void aManagerSeesTheDashboardOfTheirUnit() {
        Http.Response kjj = Http.as(port, "kjj").get("/api/audit/dashboard");
        Http.Response gxj = Http.as(port, lifecycle.newStaff("pm-gxj")).get("/api/audit/dashboard");

        assertThat(kjj.status()).isEqualTo(200);
        assertThat(kjj.body()).contains("\"scope\":\"市科技局\"");
        assertThat(gxj.body()).contains("\"scope\":\"市工信局\"").doesNotContain("\"label\":\"P1.1a\"");
        assertThat(Http.as(port, "auditor").get("/api/audit/dashboard").body()).contains("\"scope\":\"全部单位\"");
        assertThat(Http.as(port, "kjj").get("/api/audit/ledger").status()).as("the ledger stays with auditors")
                .isEqualTo(403);
    }

    @Test
    void anEnterprisesCapPositionIsItsRoomUnderTheThousandWanCap() {
        Http.Response position = Http.as(port, "auditor").get("/api/audit/cap-position?organizationId=1");

        assertThat(position.status()).isEqualTo(200);
        assertThat(position.body()).contains("\"measure\":\"P1.1a\"", "\"roomDisplay\":");
        assertThat(Http.as(port, "auditor").get("/api/audit/cap-position?organizationId=1&measure=P4.3").status())
                .isEqualTo(400);
    }
}
