package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.PreviousRelease;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.system.migration.ProcessMigration;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A claim started before the claim form asked for the measure's conditions and the 收款账户 (PolicyClaim.bpmn and
 * ClaimForm.form of the previous release, src/test/resources/migration/) cannot be submitted on its version: its
 * form lets it send neither, and the server requires both. Moved with {@link ProcessMigration} (switch
 * rdfund.migration.policy-claim), its 填写申领 shows the current form with the fields its measure asks for, and it is
 * submitted with them.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // deploys the previous PolicyClaim, which would be the latest version for a claim started meanwhile
class PolicyClaimMigrationTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProcessDriver processDriver;

    @Autowired
    ClaimRepository claims;

    @Autowired
    ProcessMigration migration;

    @Autowired
    @Qualifier("policyClaimMigrationRules")
    ProcessMigration.Rules rules;

    private String currentVersion;
    private Deployment previous;

    @BeforeEach
    void deployThePreviousVersion() throws IOException {
        currentVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        previous = PreviousRelease.deploy(repositoryService, "政策兑现申领（上一版本，迁移测试）", "bpmn/claim",
                Map.of("PolicyClaim.bpmn", "migration/PolicyClaim-previous.bpmn",
                        "ClaimForm.form", "migration/ClaimForm-previous.form"));
    }

    @AfterEach
    void removeThePreviousVersion() {
        repositoryService.deleteDeployment(previous.getId(), true);
    }

    @Test
    void aClaimWaitingAt填写申领MovesToTheCurrentFormAndIsSubmittedWithItsConditionsAndAccount() {
        String claimant = lifecycle.newApplicant("迁移申领企业");
        ProcessInstance claim = processDriver.start(KEY, claimant);
        assertThat(claim.getProcessDefinitionId()).isNotEqualTo(currentVersion);
        Map<String, Object> form = ClaimDriver.form("P5.2", "2025-10-01");
        form.put("investmentWan", "6000");
        form.put("landCostWan", "1000");
        assertThatThrownBy(() -> lifecycle.complete(claim, TASK_SUBMIT, claimant, form))
                .as("the previous form has neither the conditions nor the account").hasMessageContaining("projectKind");

        assertThat(migration.migrateAllTo(rules, currentVersion)).singleElement()
                .satisfies(outcome -> assertThat(outcome.migrated()).contains(claim.getId()));

        Task submit = taskService.createTaskQuery().processInstanceId(claim.getId()).singleResult();
        assertThat(submit.getProcessDefinitionId()).isEqualTo(currentVersion);
        assertThat(taskService.getVariableLocal(submit.getId(), ClaimFormDefinition.FIELD_MEASURES).toString())
                .as("the task shows the fields the current form asks for P5.2").contains("\"projectKind\":[");
        lifecycle.complete(claim, TASK_SUBMIT, claimant, form);
        PolicyClaim submitted = claims.findByProcessInstanceId(claim.getId()).orElseThrow();
        assertThat(submitted.facts().conditionTexts()).containsEntry("projectKind", "INDUSTRIAL");
        assertThat(submitted.payeeAccount()).isEqualTo("3301001234567890123");
    }

    @Test
    void aClaimWaitingForTheJobThatOpensOrCompletesItsAwardFinishesOnItsVersionAndTheOthersMove() {
        String previousVersion = repositoryService.createProcessDefinitionQuery().deploymentId(previous.getId())
                .processDefinitionKey(KEY).singleResult().getId();
        ProcessInstance opening = runtimeService.createProcessInstanceById(previousVersion)
                .startBeforeActivity("ServiceTask_OpenAward").execute();
        ProcessInstance completing = runtimeService.createProcessInstanceById(previousVersion)
                .startBeforeActivity("ServiceTask_CompleteClaim").execute();
        ProcessInstance submitting = processDriver.start(KEY, lifecycle.newApplicant("迁移留守企业"));

        assertThat(migration.migrateAllTo(rules, currentVersion)).singleElement().satisfies(outcome -> {
            assertThat(outcome.migrated()).contains(submitting.getId());
            assertThat(outcome.left()).containsExactlyInAnyOrder(opening.getId(), completing.getId());
        });
    }
}
