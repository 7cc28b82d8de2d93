package cn.rdfund.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.call.CallDraft;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Calls and applications through RDFund's API, as applicants' portals use it. */
@RdfundIntegrationTest
class ApplicationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    FundingCallService calls;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    OrganizationMembers members;

    private FundingCall call;
    private Application ofApplicant;
    private Application ofApplicant2;

    @BeforeEach
    void publishACallWithTwoApplications() {
        LocalDate today = LocalDate.now();
        call = calls.publish(new CallDraft("接口测试指南", "P1.1a", List.of("医学影像"), new BigDecimal("10000000.00"),
                new BigDecimal("3000000.00"), today, today.plusDays(10)), "api-" + UUID.randomUUID(), "kjj");
        ofApplicant = applications.save(application("applicant", "浑南的申报"));
        ofApplicant2 = applications.save(application("applicant2", "铁西的申报"));
    }

    private Application application(String user, String title) {
        return new Application(null, null, call.id(), members.organizationOf(user).orElseThrow(), title,
                new BigDecimal("1000000.00"), BigDecimal.ZERO.setScale(2), "SUBMITTED", LocalDateTime.now(),
                "pi-" + UUID.randomUUID(), LocalDateTime.now(), "简介", "团队", "计划", "指标", Set.of());
    }

    @Test
    void everyLoggedInUserSeesTheOpenCallsInWan() {
        String body = Http.as(port, "applicant").get("/api/calls?status=PUBLISHED").body();

        assertThat(body).contains("\"code\":\"" + call.code() + "\"", "\"projectCapDisplay\":\"300.00万元\"", "医学影像");
    }

    @Test
    void anApplicantSeesOnlyItsOwnOrganizationsApplications() {
        String mine = Http.as(port, "applicant").get("/api/applications?callId=" + call.id()).body();

        assertThat(mine).contains("浑南的申报").doesNotContain("铁西的申报");
        assertThat(Http.as(port, "applicant").get("/api/applications/" + ofApplicant2.id()).status()).isEqualTo(404);
        assertThat(Http.as(port, "applicant").get("/api/applications/" + ofApplicant.id()).body())
                .contains("\"requestedAmountDisplay\":\"100.00万元\"")
                .as("money is an exact decimal string, never a JSON number a client would read as a float")
                .contains("\"requestedAmount\":\"1000000.00\"", "\"coFundingAmount\":\"0.00\"");
    }

    @Test
    void programManagersAndAuditorsSeeAllButExpertsAndFinanceNone() {
        assertThat(Http.as(port, "kjj").get("/api/applications?callId=" + call.id()).body()).contains("浑南的申报", "铁西的申报");
        assertThat(Http.as(port, "auditor").get("/api/applications?callId=" + call.id()).body()).contains("铁西的申报");
        assertThat(Http.as(port, "expert1").get("/api/applications").status()).isEqualTo(403);
        assertThat(Http.as(port, "finance").get("/api/applications").status()).isEqualTo(403);
    }

    @Test
    void describesTheApiWithOpenApiBehindTheLogin() {
        assertThat(Http.anonymous(port).get("/api/openapi").status()).isEqualTo(401);
        Http.Response description = Http.as(port, "applicant").get("/api/openapi");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body()).contains("\"openapi\"", "/api/calls", "/api/applications", "/api/organizations");
        assertThat(description.body()).as("decimals are described as strings with two decimals")
                .containsPattern("\"requestedAmount\":\\{[^}]*\"type\":\"string\"")
                .contains("\"format\":\"decimal\"");
    }
}
