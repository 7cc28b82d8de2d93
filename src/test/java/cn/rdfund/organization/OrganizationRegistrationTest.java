package cn.rdfund.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RdfundIntegrationTest
class OrganizationRegistrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    OrganizationMembers members;

    @Autowired
    IdentityService identityService;

    @Test
    void registersAnOrganizationOncePerCreditCode() {
        Http applicant = Http.as(port, "applicant");
        String body = """
                {"uscc":"91210112ma0temp02r","name":"沈阳测试药业有限公司","kind":"ENTERPRISE","district":"HUNNAN"}""";

        Http.Response first = applicant.post("/api/organizations", body);
        Http.Response second = applicant.post("/api/organizations", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).contains("\"uscc\":\"91210112MA0TEMP02R\"", "\"districtName\":\"浑南区\"");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("已登记为「沈阳测试药业有限公司」");
    }

    @Test
    void anApplicantWhoRegistersTheirEnterpriseActsForIt() {
        User user = identityService.newUser("new-staff");
        user.setPassword("new-staff");
        identityService.saveUser(user);
        identityService.createMembership("new-staff", "applicants");

        Http.Response registered = Http.as(port, "new-staff").post("/api/organizations", """
                {"uscc":"91210112MA0TEMP03W","name":"新登记药业有限公司","kind":"ENTERPRISE","district":"HUNNAN"}""");

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(members.organizationOf("new-staff"))
                .contains(organizations.findByUscc("91210112MA0TEMP03W").orElseThrow().id());
    }

    @Test
    void explainsWhatIsWrongAndWritesNothing() {
        String body = """
                {"uscc":"91210112MA0TEMP03X","name":"","kind":"ENTERPRISE"}""";

        Http.Response response = Http.as(port, "kjj").post("/api/organizations", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("统一社会信用代码校验位错误", "请填写单位名称");
        // (not a count of all organizations: other classes register theirs meanwhile)
        assertThat(organizations.findByUscc("91210112MA0TEMP03X")).isEmpty();
    }

    @Test
    void rejectsAnUnknownDistrict() {
        String body = """
                {"uscc":"91210112MA0TEMP03W","name":"某公司","kind":"ENTERPRISE","district":"PUDONG"}""";

        assertThat(Http.as(port, "applicant").post("/api/organizations", body).status()).isEqualTo(400);
    }
}
