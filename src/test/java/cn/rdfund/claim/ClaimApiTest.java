package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The measures an applicant may claim, and the claims, through RDFund's API. */
@RdfundIntegrationTest
class ClaimApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ClaimDriver drive;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimService claims;

    @Test
    void listsTheMeasuresInForceOnADateWithTheirRulesInWordsAndLeadUnits() {
        String body = Http.as(port, "applicant").get("/api/policy/measures?date=2025-06-01").body();

        assertThat(body).contains("\"measure\":\"P3.2\"", "\"leadUnit\":\"市发改委\"", "\"coUnits\":[\"市科技局\"]",
                "\"validFrom\":\"2024-08-30\"", "\"validTo\":\"2025-12-31\"", "10%", "1000万元");
        assertThat(body.split("\"measure\":").length - 1).isEqualTo(18);
        assertThat(Http.as(port, "expert1").get("/api/policy/measures?date=2026-01-01").body()).isEqualTo("[]");
        assertThat(Http.anonymous(port).get("/api/policy/measures").status()).isEqualTo(401);
    }

    @Test
    void listsEveryPublishedMeasureWithoutADateMarkedWhetherItsWindowIncludesToday() {
        String body = Http.as(port, "applicant").get("/api/policy/measures").body();

        assertThat(body.split("\"measure\":").length - 1).isEqualTo(18);
        assertThat(body).contains("\"measure\":\"P6.3\"", "\"coUnits\":[\"市教育局\"]",
                "\"inForceToday\":" + !LocalDate.now().isAfter(LocalDate.parse("2025-12-31")));
    }

    @Test
    void aClaimantSeesOnlyItsOwnClaimsWithTheVersionThatJudgedThemAndStaffSeeAll() {
        String claimant = lifecycle.newApplicant("接口申领企业");
        Map<String, Object> form = ClaimDriver.form("P4.2", "2025-08-01");
        form.put("srdiType", "LITTLE_GIANT");
        ProcessInstance instance = drive.submit(claimant, form);
        drive.check(instance, "gxj", PolicyClaimProcess.PASS, null);
        PolicyClaim claim = claims.ofProcess(instance.getId()).orElseThrow();

        String own = Http.as(port, claimant).get("/api/claims/" + claim.id()).body();
        assertThat(own).contains("\"measure\":\"P4.2\"", "\"policyVersion\":\"2024\"", "\"payableDisplay\":\"50.00万元\"",
                "\"awardDecisionId\":\"IndustryAwards:");
        assertThat(Http.as(port, "applicant").get("/api/claims/" + claim.id()).status()).isEqualTo(404);
        assertThat(Http.as(port, "applicant").get("/api/claims").body()).doesNotContain(claim.code());
        assertThat(Http.as(port, "auditor").get("/api/claims").body()).contains(claim.code());
        assertThat(Http.as(port, "finance").get("/api/claims/" + claim.id()).status()).isEqualTo(200);
        assertThat(Http.as(port, "expert1").get("/api/claims").status()).isEqualTo(403);
    }
}
