package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.TasklistClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A new measure is one catalogue row and one award table, deployed while the application runs: an applicant sees it
 * in the claim form with the fields its row names, claims it, and it is checked, approved, published and paid as
 * any other award, with no change to code, form or any other table.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // deploys a new catalogue and award table every claim form reads
class NewMeasureTest {

    private static final String P71_ROW = """
                  <rule id="Rule_PolicyMeasures_P71">
                    <description>P7.1 中试平台建设补助（测试措施），牵头：市科技局</description>
                    <inputEntry id="InputEntry_PolicyMeasures_P71_0"><text>[date("2024-08-30")..date("2025-12-31")]</text></inputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_0"><text>"P7.1"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_1"><text>"中试平台建设补助"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_2"><text>"2024"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_3"><text>"2024-08-30"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_4"><text>"2025-12-31"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_5"><text>"PilotPlatformAwards"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_6"><text>"KJJ"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_7"><text>""</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_8"><text>"新建生物医药中试平台的企业"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_9"><text>"对新建的生物医药中试平台，按设备投资额的10%给予最高500万元补助。"</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_10"><text>""</text></outputEntry>
                    <outputEntry id="OutputEntry_PolicyMeasures_P71_11"><text>"baseWan,qualified"</text></outputEntry>
                  </rule>
                """;

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    MeasureCatalogue catalogue;

    private final ObjectMapper json = new ObjectMapper();
    private Deployment newMeasure;

    /**
     * The repository's catalogue deployed again as the newest version: the catalogue in force is the usual one, and
     * the P7.1 claim, paid and in the ledger, still reads its own version (deleting that deployment would leave a claim
     * whose measure no longer resolves, for every later test that lists claims).
     */
    @AfterEach
    void restoreTheCatalogue() throws IOException {
        if (newMeasure != null) {
            repositoryService.createDeployment().name("政策措施目录（测试后恢复）")
                    .addString("PolicyMeasures.dmn", repositoryCatalogue()).deploy();
            newMeasure = null;
        }
    }

    @Test
    void aMeasureAddedToTheCatalogueIsClaimedThroughEveryTaskAndPaid() throws IOException {
        deployCatalogueWithP71();
        assertThat(Http.as(port, "applicant").get("/api/policy/measures?date=2025-06-01").body())
                .contains("\"measure\":\"P7.1\"", "\"claimFields\":[\"baseWan\",\"qualified\"]");
        String claimant = lifecycle.newApplicant("中试平台企业");
        TasklistClient tasklist = new TasklistClient(port);
        String instanceId = tasklist.start(claimant, KEY);
        JsonNode task = tasklist.awaitTask(claimant, instanceId, TASK_SUBMIT);

        JsonNode shown = tasklist.get(claimant,
                "/engine-rest/task/" + task.path("id").asText() + "/form-variables?deserializeValues=false");
        JsonNode options = json.readTree(shown.path("claimableMeasures").path("value").asText());
        assertThat(options.findValuesAsText("value")).contains("P7.1", "P1.2").hasSize(19);
        JsonNode fields = json.readTree(shown.path(ClaimFormDefinition.FIELD_MEASURES).path("value").asText());
        assertThat(fields.path("baseWan").toString()).contains("\"P7.1\"");
        assertThat(fields.path("qualified").toString()).contains("\"P7.1\"");
        assertThat(fields.path("headcount").toString()).doesNotContain("P7.1");

        ObjectNode tampered = claimForm();
        tampered.putObject(ClaimFormDefinition.FIELD_MEASURES).put("type", "Json").put("value", "{}");
        Http.Response refused = submit(claimant, task, tampered);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("不能通过任务").contains(ClaimFormDefinition.FIELD_MEASURES);

        ObjectNode echoing = claimForm();
        echoing.set(ClaimFormDefinition.FIELD_MEASURES, shown.path(ClaimFormDefinition.FIELD_MEASURES));
        assertThat(submit(claimant, task, echoing).status()).isEqualTo(204);

        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        lifecycle.runJobs(instance);
        assertThat(drive.candidateGroups(instance, TASK_CHECK)).containsExactly("pm-kjj");
        drive.check(instance, "kjj", PASS, null);
        PolicyClaim calculated = claims.ofProcess(instanceId).orElseThrow();
        assertThat(calculated.calculatedAmount()).isEqualByComparingTo("2500000");
        assertThat(calculated.awardDecisionId()).startsWith("PilotPlatformAwards:");
        drive.approve(instance, "kjj2");
        drive.passNotice(instance, "kjj");
        drive.financeApproves(instance);

        PolicyClaim paid = claims.ofProcess(instanceId).orElseThrow();
        assertThat(paid.status()).isEqualTo(PolicyClaim.PAID);
        assertThat(ledger.findByProjectIdOrderByIdAsc(paid.projectId())).extracting(LedgerEntry::amount)
                .containsExactly(new BigDecimal("2500000.00"));

        restoreTheCatalogue();
        assertThat(catalogue.published()).extracting(PolicyMeasure::measure)
                .containsExactlyInAnyOrderElementsOf(CatalogueFile.MEASURES.stream().map(PolicyMeasure::measure).toList());
        assertThat(claims.measureOf(claims.get(paid.id()))).map(PolicyMeasure::name).contains("中试平台建设补助");
    }

    /** The claim form as the applicant fills it for P7.1: 2500万 of equipment, conditions confirmed. */
    private ObjectNode claimForm() {
        ObjectNode variables = json.createObjectNode();
        ClaimDriver.form("P7.1", "2025-06-01").forEach((name, value) -> variables.putObject(name).put("value", (String) value));
        variables.putObject("baseWan").put("value", "2500");
        variables.putObject("qualified").put("value", true).put("type", "Boolean");
        return variables;
    }

    private Http.Response submit(String user, JsonNode task, ObjectNode variables) {
        ObjectNode body = json.createObjectNode();
        body.set("variables", variables);
        return Http.as(port, user).post("/engine-rest/task/" + task.path("id").asText() + "/submit-form", body.toString());
    }

    private static String repositoryCatalogue() throws IOException {
        return Files.readString(Path.of("bpmn/policy/PolicyMeasures.dmn"), StandardCharsets.UTF_8);
    }

    private void deployCatalogueWithP71() throws IOException {
        String rows = repositoryCatalogue();
        int end = rows.indexOf("    </decisionTable>");
        try (InputStream awards = new ClassPathResource("measures/PilotPlatformAwards.dmn").getInputStream()) {
            newMeasure = repositoryService.createDeployment().name("新措施 P7.1（测试）")
                    .addString("PolicyMeasures.dmn", rows.substring(0, end) + P71_ROW + rows.substring(end))
                    .addInputStream("PilotPlatformAwards.dmn", awards).deploy();
        }
    }
}
