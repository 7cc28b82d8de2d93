package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.time.LocalDate;
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
        ProcessInstance instance = drive.submit(claimant,
                ClaimDriver.form("P4.2", "2025-08-01", "srdiType", "LITTLE_GIANT"));
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

    @Test
    void listsArePagesNewestFirstAndAUnitSeesTheClaimsItLeads() {
        String claimant = lifecycle.newApplicant("分页申领企业");
        ProcessInstance first = drive.submit(claimant, ClaimDriver.form("P4.2", "2025-08-02", "srdiType", "LITTLE_GIANT"));
        ProcessInstance second = drive.submit(claimant, ClaimDriver.form("P4.3", "2025-08-02", "recognitionType", "FIRST"));
        PolicyClaim older = claims.ofProcess(first.getId()).orElseThrow();
        PolicyClaim newer = claims.ofProcess(second.getId()).orElseThrow();

        String own = Http.as(port, claimant).get("/api/claims").body();
        assertThat(own.indexOf(newer.code())).as("newest first").isLessThan(own.indexOf(older.code()));
        assertThat(Http.as(port, claimant).get("/api/claims?size=1").body()).contains(newer.code())
                .doesNotContain(older.code());
        assertThat(Http.as(port, claimant).get("/api/claims?page=1&size=1").body()).contains(older.code());
        // P4.2 is led by 市工信局 (gxj), P4.3 by 市科技局 (kjj): each unit's list has its own claim, not the other's
        assertThat(Http.as(port, "gxj").get("/api/claims?size=200").body()).contains(older.code())
                .doesNotContain(newer.code());
        assertThat(Http.as(port, "kjj").get("/api/claims?size=200").body()).contains(newer.code())
                .doesNotContain(older.code());

        Http.Response tooLong = Http.as(port, "auditor").get("/api/claims?size=201");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("size", "每页条数应在1到200之间");
    }
}
