package cn.rdfund.call;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.selection.FundingCallProcess;
import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The call's first steps over the REST API, with variables shaped as Tasklist's Camunda Forms send them. */
@RdfundIntegrationTest
class FundingCallOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    private static String draftForm(String projectCapWan) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return """
                {"variables": {
                  "title": {"value": "2026年关键核心技术攻关指南", "type": "String"},
                  "measure": {"value": "P1.1a", "type": "String"},
                  "areas": {"value": "[\\"新药筛选\\",\\"医学影像\\"]", "type": "Json"},
                  "totalBudgetWan": {"value": "2000", "type": "String"},
                  "projectCapWan": {"value": "%s", "type": "String"},
                  "opensOn": {"value": "%s", "type": "String"},
                  "closesOn": {"value": "%s", "type": "String"}
                }}""".formatted(projectCapWan, today, today.plusDays(20));
    }

    @Test
    void aProgramManagerStartsACallAndSubmitsTheDraftFormAsTasklistDoes() {
        Http kjj = Http.as(port, "kjj");
        Http.Response started = kjj.post("/engine-rest/process-definition/key/FundingCall/start", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String processInstanceId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Task draft = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(draft.getAssignee()).isEqualTo("kjj");

        Http.Response refused = kjj.post("/engine-rest/task/" + draft.getId() + "/submit-form", draftForm("800"));
        Http.Response accepted = kjj.post("/engine-rest/task/" + draft.getId() + "/submit-form", draftForm("700"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("单个项目资助上限不能超过政策上限700.00万元");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult()
                .getTaskDefinitionKey()).isEqualTo(FundingCallProcess.TASK_APPROVE);
    }

    @Test
    void taskWorkersChangeDataOnlyBySubmittingTheForm() {
        Http kjj = Http.as(port, "kjj");
        String processInstanceId = kjj.post("/engine-rest/process-definition/key/FundingCall/start", "{}").body()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Task draft = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();

        Http.Response forged = kjj.post("/engine-rest/task/" + draft.getId() + "/variables",
                "{\"modifications\": {\"initiator\": {\"value\": \"kjj2\", \"type\": \"String\"}}}");
        Http.Response forgedOnSubmit = kjj.post("/engine-rest/task/" + draft.getId() + "/submit-form",
                "{\"variables\": {\"initiator\": {\"value\": \"kjj2\", \"type\": \"String\"}}}");

        // Camunda's TASK_WORK does not include UPDATE_VARIABLE: no direct variable updates at all ...
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        // ... and a form submission may carry only what the form offers.
        assertThat(forgedOnSubmit.status()).isEqualTo(403);
        assertThat(forgedOnSubmit.body()).contains("修改表单以外的数据: [initiator]");
        assertThat(taskService.getVariable(draft.getId(), "initiator")).isEqualTo("kjj");
    }

    @Test
    void applicantsMayStartAnApplicationButExpertsMayNot() {
        assertThat(Http.as(port, "applicant").post("/engine-rest/process-definition/key/FundingApplication/start", "{}")
                .status()).isEqualTo(200);
        assertThat(Http.as(port, "expert1").post("/engine-rest/process-definition/key/FundingApplication/start", "{}")
                .status()).isEqualTo(403);
    }

    @Test
    void onlyTheLeadUnitsManagersStartAKeyTechnologyCall() {
        assertThat(Http.as(port, "fgw").post("/engine-rest/process-definition/key/FundingCall/start", "{}")
                .status()).isEqualTo(403);
    }

    @Test
    void applicantsAndExpertsCannotStartACall() {
        assertThat(Http.as(port, "applicant").post("/engine-rest/process-definition/key/FundingCall/start", "{}")
                .status()).isEqualTo(403);
        assertThat(Http.as(port, "expert1").post("/engine-rest/process-definition/key/FundingCall/start", "{}")
                .status()).isEqualTo(403);
    }
}
