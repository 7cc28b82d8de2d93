package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.system.migration.ProcessMigration;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.PreviousRelease;
import cn.rdfund.support.RdfundIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Project lifecycles started on the previous ProjectExecution.bpmn (three fixed instalment calls,
 * src/test/resources/migration/) move to the current one (instalments from the schedule table) with
 * {@link ProjectExecutionMigration}: one waiting for its mid-term check moves and is paid to the end on the new
 * version; one whose first instalment finance has not approved yet stays, finishes that payment on the old version
 * and moves at the next run.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // deploys the previous ProjectExecution, which would be the latest version for a project started meanwhile
class ProjectExecutionMigrationTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProjectRepository projects;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    ProcessMigration migration;

    private String currentVersion;
    private Deployment previous;

    @BeforeEach
    void deployThePreviousVersion() throws IOException {
        AbstractAssertions.init(processEngine);
        currentVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        previous = PreviousRelease.deploy(repositoryService, "项目实施（上一版本，迁移测试）", "bpmn/project",
                Map.of("ProjectExecution.bpmn", "migration/ProjectExecution-previous.bpmn"));
    }

    @AfterEach
    void removeThePreviousVersion() {
        repositoryService.deleteDeployment(previous.getId(), true);
    }

    @Test
    void movesAProjectWaitingForItsMidtermCheckAndLeavesOneInsideAPaymentUntilItIsPaid() {
        ProcessInstance call = lifecycle.publishCall("1000");
        ProcessInstance waiting = lifecycle.applyAndReview(call, lifecycle.newApplicant("迁移"), "迁移到新版本的项目", "300", 85);
        ProcessInstance paying = lifecycle.applyAndReview(call, lifecycle.newApplicant("拨付中"), "拨付中的项目", "200", 84);
        lifecycle.closeWindow(call);
        lifecycle.endNotice(call);
        Project moved = projectOf(waiting);
        Project inPayment = projectOf(paying);
        ProcessInstance movedExecution = lifecycle.projectOf(moved.code());
        ProcessInstance paymentExecution = lifecycle.projectOf(inPayment.code());
        String previousVersion = definitionOf(movedExecution);
        assertThat(previousVersion).isNotEqualTo(currentVersion).isEqualTo(definitionOf(paymentExecution));

        signAgreement(movedExecution, moved);
        financeApproves(movedExecution);
        BpmnAwareTests.assertThat(movedExecution).isWaitingAt(TASK_START_MIDTERM).hasPassed("CallActivity_FirstInstalment");
        signAgreement(paymentExecution, inPayment);
        BpmnAwareTests.assertThat(paymentExecution).isWaitingAt("CallActivity_FirstInstalment");

        List<ProcessMigration.Outcome> first = migration.migrateAllTo(ProjectExecutionMigration.RULES, currentVersion);

        assertThat(first).singleElement().satisfies(outcome -> {
            assertThat(outcome.sourceDefinitionId()).isEqualTo(previousVersion);
            assertThat(outcome.migrated()).containsExactly(movedExecution.getId());
            assertThat(outcome.left()).containsExactly(paymentExecution.getId());
        });
        assertThat(definitionOf(movedExecution)).isEqualTo(currentVersion);
        assertThat(definitionOf(paymentExecution)).isEqualTo(previousVersion);
        assertThat(managementService.createJobQuery().processInstanceId(movedExecution.getId()).timers()
                .activityId(MIDTERM_DUE).singleResult().getProcessDefinitionId()).isEqualTo(currentVersion);

        runToAcceptance(movedExecution, moved);
        BpmnAwareTests.assertThat(movedExecution).isEnded().hasPassed(MIDTERM_INSTALMENTS, ACCEPTANCE_INSTALMENTS,
                END_ACCEPTED);
        assertThat(payments(moved)).extracting(LedgerEntry::milestoneSeq).containsExactly(1, 2, 3);
        assertThat(payments(moved)).extracting(LedgerEntry::amount).containsExactly(new BigDecimal("1200000.00"),
                new BigDecimal("1200000.00"), new BigDecimal("600000.00"));

        financeApproves(paymentExecution);
        BpmnAwareTests.assertThat(paymentExecution).isWaitingAt(TASK_START_MIDTERM);
        assertThat(migration.migrateAllTo(ProjectExecutionMigration.RULES, currentVersion)).singleElement().satisfies(outcome -> {
            assertThat(outcome.migrated()).containsExactly(paymentExecution.getId());
            assertThat(outcome.left()).isEmpty();
        });
        assertThat(definitionOf(paymentExecution)).isEqualTo(currentVersion);
        lifecycle.fireTimer(paymentExecution, MIDTERM_DUE);
        BpmnAwareTests.assertThat(paymentExecution).isWaitingAt(TASK_REPORT_PROGRESS);
        assertThat(payments(inPayment)).extracting(LedgerEntry::amount).containsExactly(new BigDecimal("800000.00"));
        assertThat(migration.migrateAllTo(ProjectExecutionMigration.RULES, currentVersion)).isEmpty();
    }

    private Project projectOf(ProcessInstance application) {
        return projects.findByApplicationId(applications.findByProcessInstanceId(application.getId()).orElseThrow().id())
                .orElseThrow();
    }

    private String definitionOf(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
    }

    private void signAgreement(ProcessInstance execution, Project project) {
        lifecycle.complete(execution, TASK_DRAFT_AGREEMENT, project.applicantUserId(), Map.of(MILESTONES,
                LifecycleDriver.TODAY.plusMonths(6) + " 完成筛选\n" + LifecycleDriver.TODAY.plusMonths(18) + " 完成验收",
                MIDTERM_DATE, LifecycleDriver.TODAY.plusMonths(9).toString(), INDICATORS, "完成2个中试"));
        lifecycle.complete(execution, TASK_APPROVE_AGREEMENT, "kjj", Map.of(AGREEMENT_DECISION, APPROVE));
    }

    private void runToAcceptance(ProcessInstance execution, Project project) {
        lifecycle.complete(execution, TASK_START_MIDTERM, "kjj", Map.of());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, project.applicantUserId(),
                Map.of(PROGRESS_REPORT, "按计划完成", SPENT_WAN, "100"));
        panel(execution, ProjectAssessment.MIDTERM);
        financeApproves(execution);
        lifecycle.complete(execution, TASK_FINAL_REPORT, project.applicantUserId(), Map.of(FINAL_REPORT_ACTION, SUBMIT,
                FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "全部完成", AUDIT_REPORT_NO, "审-2028-02", SPENT_WAN, "240"));
        panel(execution, ProjectAssessment.ACCEPTANCE);
        financeApproves(execution);
    }

    private void panel(ProcessInstance execution, String stage) {
        lifecycle.completePanel(execution, stage, Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "评议意见：通过"));
    }

    private void financeApproves(ProcessInstance execution) {
        lifecycle.complete(execution, DisbursementProcess.TASK_APPROVE, "finance",
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
    }

    private List<LedgerEntry> payments(Project project) {
        return ledger.findByProjectIdOrderByIdAsc(project.id()).stream()
                .filter(e -> e.kind() == LedgerEntryKind.DISBURSEMENT).toList();
    }
}
