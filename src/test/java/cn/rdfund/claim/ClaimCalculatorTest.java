package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 政策计算器: what an enterprise may claim on a date and what a claim would bring, by the rules a claim is judged by:
 * the estimate equals what the claim is then calculated at.
 */
@RdfundIntegrationTest
class ClaimCalculatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    OrganizationMembers members;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void theEstimateIsWhatTheClaimIsThenCalculatedAt() throws Exception {
        String claimant = lifecycle.newApplicant("试算企业");
        JsonNode estimate = JSON.readTree(Http.as(port, claimant)
                .get("/api/claims/estimate?measure=P3.2&referenceDate=2025-03-01&baseWan=12000&constructionKind=NEW").body());
        assertThat(estimate.path("eligible").asBoolean()).isTrue();
        assertThat(estimate.path("amount").asText()).isEqualTo("10000000.00");
        assertThat(estimate.path("calculation").asText()).contains("按上限核定1000.00万元");

        ProcessInstance claim = drive.submit(claimant, ClaimDriver.form("P3.2", "2025-03-01", "baseWan", "12000"));
        drive.check(claim, "fgw", PASS, null);
        lifecycle.complete(claim, TASK_CONSULT, "kjj", Map.of(CONSULT_OPINION, "同意"));
        assertThat(claims.ofProcess(claim.getId()).orElseThrow().calculatedAmount())
                .isEqualByComparingTo(new BigDecimal(estimate.path("amount").asText()));
    }

    @Test
    void eachMeasureIsEstimatedFromTheFactsItAsksFor() throws Exception {
        Http applicant = Http.as(port, "applicant");
        assertThat(JSON.readTree(applicant.get("/api/claims/estimate?measure=P4.3&referenceDate=2025-06-01"
                + "&recognitionType=FIRST").body()).path("amount").asText()).isEqualTo("200000.00");
        assertThat(JSON.readTree(applicant.get("/api/claims/estimate?measure=P6.3&referenceDate=2025-09-01"
                + "&headcount=3").body()).path("amountDisplay").asText()).isEqualTo("1.50万元");
        assertThat(applicant.get("/api/claims/estimate?measure=P4.3&referenceDate=2025-06-01&recognitionType=BOGUS")
                .body()).contains("「认定类型」不能是「BOGUS」");
        assertThat(JSON.readTree(applicant.get("/api/claims/estimate?measure=P4.3&referenceDate=2025-06-01"
                + "&recognitionType=" + java.net.URLEncoder.encode("重新认定", java.nio.charset.StandardCharsets.UTF_8))
                .body()).path("amount").asText()).as("a category by its label").isEqualTo("100000.00");
        assertThat(applicant.get("/api/claims/estimate?measure=P9&referenceDate=2025-06-01").body())
                .contains("没有可申领的措施P9");
        assertThat(applicant.get("/api/claims/estimate?measure=P5.2&referenceDate=2025-10-01"
                + "&investmentWan=6000&landCostWan=1000").body()).as("the measure's conditions, as a claim asks them")
                .contains("请选择「项目类型」", "请填写「开工日期」");
        String project = "/api/claims/estimate?measure=P5.2&referenceDate=2025-10-01&projectKind=INDUSTRIAL"
                + "&startDate=2025-01-10&completionDate=2025-06-30&productionDate=2025-10-01";
        JsonNode below = JSON.readTree(applicant.get(project + "&investmentWan=5999.99&landCostWan=1000").body());
        assertThat(below.path("eligible").asBoolean()).isFalse();
        assertThat(below.path("calculation").asText()).contains("5000");
        assertThat(JSON.readTree(applicant.get(project + "&investmentWan=6000&landCostWan=1000").body())
                .path("amount").asText()).isEqualTo("1000000.00");
        JsonNode realEstate = JSON.readTree(applicant.get(project.replace("INDUSTRIAL", "REAL_ESTATE")
                + "&investmentWan=6000&landCostWan=1000").body());
        assertThat(realEstate.path("eligible").asBoolean()).isFalse();
        assertThat(realEstate.path("calculation").asText()).contains("房地产项目");
        String drug = "/api/claims/estimate?measure=P5.1a&referenceDate=2025-03-01&drugClass=CLASS1&productionPlace=SHENYANG"
                + "&certificateNumber=";
        assertThat(JSON.readTree(applicant.get(drug + java.net.URLEncoder.encode("国药准字H20250001",
                java.nio.charset.StandardCharsets.UTF_8)).body()).path("amount").asText()).isEqualTo("3000000.00");
        assertThat(applicant.get(drug + java.net.URLEncoder.encode("国械注准20253130001",
                java.nio.charset.StandardCharsets.UTF_8)).body()).contains("所填注册证书编号不是药品注册证书");
        assertThat(applicant.get("/api/claims/estimate?measure=P3.3&referenceDate=2025-03-01&founderType=CAS_INSTITUTE"
                + "&institutionPlace=SHENYANG&founderName=" + java.net.URLEncoder.encode("中国科学院金属研究所",
                java.nio.charset.StandardCharsets.UTF_8)).body()).contains("\"committee\":true");
    }

    @Test
    void anEnterpriseSeesWhatItMayClaimWhatItClaimedAndItsRoomUnderTheCap() throws Exception {
        String claimant = lifecycle.newApplicant("计算器企业");
        ProcessInstance claim = drive.submit(claimant, ClaimDriver.form("P4.3", "2025-06-01", "recognitionType", "FIRST"));
        String code = claims.ofProcess(claim.getId()).orElseThrow().code();

        JsonNode overview = JSON.readTree(Http.as(port, claimant).get("/api/claims/calculator?date=2025-06-01").body());
        assertThat(overview.path("organizationName").asText()).startsWith("计算器企业");
        assertThat(overview.path("keyTechnologyRoom").asText()).isEqualTo("10000000.00");
        JsonNode p43 = null;
        for (JsonNode measure : overview.path("measures")) {
            if ("P4.3".equals(measure.path("measure").asText())) {
                p43 = measure;
            }
        }
        assertThat(p43).isNotNull();
        assertThat(p43.path("leadUnit").asText()).isEqualTo("市科技局");
        assertThat(p43.path("asks").toString()).contains("认定类型");
        assertThat(p43.path("fields").get(0).path("key").asText()).isEqualTo("recognitionType");
        assertThat(p43.path("fields").get(0).path("kind").asText()).isEqualTo("choice");
        assertThat(p43.path("fields").get(0).path("options").toString()).as("the form's options, in its order")
                .contains("{\"value\":\"FIRST\",\"label\":\"首次认定\"}");
        JsonNode p52 = null;
        for (JsonNode measure : overview.path("measures")) {
            if ("P5.2".equals(measure.path("measure").asText())) {
                p52 = measure;
            }
        }
        assertThat(p52.path("fields").findValuesAsText("key")).as("the same fields as its claim")
                .containsExactly("investmentWan", "landCostWan", "projectKind", "startDate", "completionDate",
                        "productionDate");
        assertThat(p52.path("fields").findValuesAsText("kind")).containsExactly("amountWan", "amountWan", "choice",
                "date", "date", "date");
        assertThat(p43.path("claims").toString()).contains(code, "待审查");
        assertThat(overview.path("measures").size()).as("the 2024 measures in force that day").isEqualTo(18);

        long organization = members.organizationOf(claimant).orElseThrow();
        assertThat(Http.as(port, "applicant").get("/api/claims/calculator?organizationId=" + organization).status())
                .as("another enterprise's").isEqualTo(404);
        assertThat(Http.as(port, "kjj").get("/api/claims/calculator").body()).contains("请指定要试算的单位");
        assertThat(Http.as(port, "kjj").get("/api/claims/calculator?date=2025-06-01&organizationId=" + organization)
                .body()).as("a 处室 on the enterprise's behalf").contains(code);
        assertThat(Http.as(port, "expert1").get("/api/claims/calculator").status()).isEqualTo(403);
        String newcomer = "newco-" + System.nanoTime();
        org.camunda.bpm.engine.identity.User user = identityService.newUser(newcomer);
        user.setPassword(newcomer);
        identityService.saveUser(user);
        identityService.createMembership(newcomer, "applicants");
        assertThat(Http.as(port, newcomer).get("/api/claims/calculator?organizationId=" + organization).status())
                .as("an applicant not yet acting for an organization names none").isEqualTo(404);
    }
}
