package cn.rdfund.disbursement;

import static cn.rdfund.execution.ProjectExecutionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A project pays as many instalments as the schedule table in force has rows, each at the release point its row
 * names: a new version of DisbursementSchedule deployed while the application runs (the newest version wins) with
 * four rows, or with two, changes the payments without touching the process.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // deploys schedule tables every project's instalments are planned from
class ScheduleTableInstalmentsTest {

    /** 1,000,000.05 yuan: 30 % is 300,000.015, so the shares round and the last one takes what is left. */
    private static final String ODD_AMOUNT_WAN = "100.000005";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ProjectScenarios scenarios;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProjectRepository projects;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    DisbursementService disbursements;

    private Deployment schedule;
    private Project project;
    private ProcessInstance execution;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(processEngine);
    }

    @AfterEach
    void restoreTheScheduleInForce() {
        if (schedule != null) {
            repositoryService.deleteDeployment(schedule.getId(), true);
        }
    }

    @Test
    void fourRowsPayFourInstalmentsThatAddUpToTheFen() throws IOException {
        deploySchedule("DisbursementSchedule-four-instalments.dmn");
        signAgreement("四期拨付项目");
        assertThat(paidSeqs()).isEmpty();
        financeApproves();
        assertThat(paidSeqs()).containsExactly(1);

        passMidterm();
        financeApproves();
        assertThat(paidSeqs()).containsExactly(1, 2);

        passAcceptance();
        BpmnAwareTests.assertThat(execution).isNotEnded();
        financeApproves();
        assertThat(paidSeqs()).containsExactly(1, 2, 3);
        financeApproves();

        BpmnAwareTests.assertThat(execution).isEnded().hasPassed(SIGNING_INSTALMENTS, MIDTERM_INSTALMENTS,
                ACCEPTANCE_INSTALMENTS, END_ACCEPTED);
        assertThat(payments()).extracting(LedgerEntry::milestoneSeq).containsExactly(1, 2, 3, 4);
        assertThat(payments()).extracting(LedgerEntry::amount).containsExactly(new BigDecimal("300000.02"),
                new BigDecimal("300000.02"), new BigDecimal("300000.02"), new BigDecimal("99999.99"));
        assertThat(payments()).extracting(LedgerEntry::memo).last().asString().contains("第4期拨付（10%）");
        assertThat(disbursements.paid(project.id())).isEqualTo(new BigDecimal("1000000.05"))
                .isEqualTo(current().approvedAmount().setScale(2));
    }

    @Test
    void twoRowsPayAtSigningAndAcceptanceAndTheMidtermCheckPassesWithoutPayment() throws IOException {
        deploySchedule("DisbursementSchedule-two-instalments.dmn");
        signAgreement("两期拨付项目");
        financeApproves();

        passMidterm();
        assertThat(lifecycle.tasks(execution, DisbursementProcess.TASK_APPROVE)).isEmpty();
        BpmnAwareTests.assertThat(execution).isWaitingAt(TASK_FINAL_REPORT).hasNotPassed(MIDTERM_INSTALMENTS);

        passAcceptance();
        financeApproves();

        BpmnAwareTests.assertThat(execution).isEnded().hasPassed(END_ACCEPTED);
        assertThat(payments()).extracting(LedgerEntry::milestoneSeq).containsExactly(1, 2);
        assertThat(payments()).extracting(LedgerEntry::amount).containsExactly(new BigDecimal("600000.03"),
                new BigDecimal("400000.02"));
        assertThat(disbursements.paid(project.id())).isEqualTo(new BigDecimal("1000000.05"));
    }

    private void deploySchedule(String file) throws IOException {
        try (InputStream table = new ClassPathResource("schedules/" + file).getInputStream()) {
            schedule = repositoryService.createDeployment().name("分期拨付比例（测试）").addInputStream(file, table).deploy();
        }
    }

    private void signAgreement(String title) {
        project = scenarios.agreementDrafted(title, ODD_AMOUNT_WAN);
        execution = lifecycle.projectOf(project.code());
        lifecycle.complete(execution, TASK_APPROVE_AGREEMENT, "kjj", Map.of(AGREEMENT_DECISION, APPROVE));
    }

    private void passMidterm() {
        lifecycle.complete(execution, TASK_START_MIDTERM, "kjj", Map.of());
        lifecycle.complete(execution, TASK_REPORT_PROGRESS, project.applicantUserId(),
                Map.of(PROGRESS_REPORT, "按计划完成", SPENT_WAN, "30"));
        panel(ProjectAssessment.MIDTERM);
    }

    private void passAcceptance() {
        lifecycle.complete(execution, TASK_FINAL_REPORT, project.applicantUserId(), Map.of(FINAL_REPORT_ACTION, SUBMIT,
                FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "全部完成", AUDIT_REPORT_NO, "审-2028-01", SPENT_WAN, "60"));
        panel(ProjectAssessment.ACCEPTANCE);
    }

    private void panel(String stage) {
        lifecycle.completePanel(execution, stage, Map.of(VERDICT, "PASS", ASSESSMENT_COMMENT, "评议意见：通过"));
    }

    private void financeApproves() {
        lifecycle.complete(execution, DisbursementProcess.TASK_APPROVE, "finance",
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
    }

    private List<LedgerEntry> payments() {
        return ledger.findByProjectIdOrderByIdAsc(project.id()).stream()
                .filter(e -> e.kind() == LedgerEntryKind.DISBURSEMENT).toList();
    }

    private List<Integer> paidSeqs() {
        return payments().stream().map(LedgerEntry::milestoneSeq).toList();
    }

    private Project current() {
        return projects.findById(project.id()).orElseThrow();
    }
}
