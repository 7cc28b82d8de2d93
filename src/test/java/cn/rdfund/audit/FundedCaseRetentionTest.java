package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.project.Project;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** History cleanup keeps every funded case's history and removes the rest after its time to live. */
@RdfundIntegrationTest
class FundedCaseRetentionTest {

    @Autowired
    ProjectScenarios scenarios;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcClient jdbc;

    private List<HistoricProcessInstance> hierarchy(String rootId) {
        return historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).list();
    }

    @Test
    void anAcceptedProjectsCallApplicationAndPaymentsAreNeverRemoved() {
        Project project = scenarios.accepted("保留历史项目");
        String projectProcess = jdbc.sql("SELECT process_instance_id FROM project WHERE id = ?").param(project.id())
                .query(String.class).single();
        String applicationProcess = jdbc.sql("SELECT a.process_instance_id FROM application a JOIN project p"
                + " ON p.application_id = a.id WHERE p.id = ?").param(project.id()).query(String.class).single();
        String callProcess = jdbc.sql("SELECT c.process_instance_id FROM funding_call c JOIN project p ON p.call_id = c.id"
                + " WHERE p.id = ?").param(project.id()).query(String.class).single();

        assertThat(hierarchy(projectProcess)).hasSizeGreaterThan(3) // the project and its three Disbursements
                .allSatisfy(instance -> {
                    assertThat(instance.getEndTime()).isNotNull();
                    assertThat(instance.getRemovalTime()).isNull();
                });
        assertThat(hierarchy(applicationProcess)).hasSizeGreaterThan(1) // with its expert review
                .allSatisfy(instance -> assertThat(instance.getRemovalTime()).isNull());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(callProcess).singleResult()
                .getRemovalTime()).isNull();
    }

    @Test
    void anApplicationRefusedAtTheFormalCheckIsRemovedTenYearsAfterItEnded() {
        ProcessInstance call = lifecycle.publishCall("500");
        String applicant = lifecycle.newApplicant("形式审查不通过");
        ProcessInstance application = lifecycle.submitApplication(call, applicant, "不予受理的申报", "300");
        lifecycle.complete(application, FundingApplicationProcess.TASK_FORMAL_CHECK, "kjj", Map.of(
                FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.REJECT_DECISION,
                FundingApplicationProcess.CHECK_COMMENT, "不符合申报条件"));

        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(application.getId()).singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        assertThat(Duration.between(ended.getEndTime().toInstant(), ended.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(3650));
    }
}
