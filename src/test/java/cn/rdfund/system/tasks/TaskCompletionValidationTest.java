package cn.rdfund.system.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Http;
import cn.rdfund.support.RdfundIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input is refused by the server with a clear message, and nothing of it is written. */
@RdfundIntegrationTest
class TaskCompletionValidationTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    private Task task;

    @BeforeEach
    void startProbe() {
        String processInstanceId = runtimeService.startProcessInstanceByKey("PlatformProbe").getId();
        task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private Http.Response submit(String variablesJson) {
        return Http.as(port, "kjj").post("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": " + variablesJson + "}");
    }

    @Test
    void refusesAMissingValueWithItsMessageAndWritesNothing() {
        Http.Response response = submit("{\"comment\": {\"value\": \"  \", \"type\": \"String\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("请填写意见");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).variableName("comment").count()).isZero();
    }

    @Test
    void refusesTooLongInputTheBrowserMightHaveLetThrough() {
        String tooLong = "长".repeat(201);

        Http.Response response = submit("{\"comment\": {\"value\": \"" + tooLong + "\", \"type\": \"String\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("意见不超过200字");
    }

    @Test
    void completesTheTaskWhenTheInputIsValid() {
        Http.Response response = submit("{\"comment\": {\"value\": \"同意\", \"type\": \"String\"}}");

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void checksPlainCompletionsToo() {
        Http.Response response = Http.as(port, "kjj").post("/engine-rest/task/" + task.getId() + "/complete", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("请填写意见");
    }
}
