package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.WebappLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor reads what a program manager did in Tasklist as sentences naming the task and its case, filters them by
 * person, case and date, and exports them.
 */
@RdfundIntegrationTest
class AccessRecordsTest {

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    TaskService tasks;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void whatAManagerDidInTasklistReadsAsSentencesNamingTheTaskAndItsCase() throws Exception {
        ProcessInstance call = lifecycle.publishCall("3000");
        ProcessInstance application = lifecycle.submitApplication(call, lifecycle.newApplicant("访问记录测试有限公司"),
                "访问记录测试项目", "100");
        Task check = tasks.createTaskQuery().processInstanceId(application.getId())
                .taskDefinitionKey(FundingApplicationProcess.TASK_FORMAL_CHECK).singleResult();
        String manager = lifecycle.newStaff("pm-kjj");
        WebappLogin.Browser tasklist = WebappLogin.session(port, manager);
        String task = "/camunda/api/engine/engine/default/task/" + check.getId();
        assertThat(tasklist.get(task + "/form-variables").statusCode()).isEqualTo(200);
        assertThat(tasklist.send("POST", task + "/claim", "application/json", "{\"userId\":\"" + manager + "\"}")
                .statusCode()).isEqualTo(204);

        List<String> sentences = sentences("userId=" + manager);
        String name = "「" + check.getName() + "」";
        assertThat(check.getName()).contains("形式审查", "访问记录测试项目");
        assertThat(sentences).contains("兼岗人员（" + manager + "） 认领了任务" + name,
                "兼岗人员（" + manager + "） 打开了任务" + name);
        assertThat(sentences("userId=" + manager + "&caseText=" + encode("访问记录测试项目"))).hasSize(2);
        assertThat(sentences("userId=" + manager + "&caseText=" + encode("别的项目"))).isEmpty();
        String today = LifecycleDriver.TODAY.toString();
        assertThat(sentences("userId=" + manager + "&from=" + today + "&to=" + today)).hasSize(sentences.size());
        assertThat(sentences("userId=" + manager + "&from=" + LifecycleDriver.TODAY.plusDays(1))).isEmpty();

        Http.Response csv = Http.as(port, "auditor").get("/api/audit/access.csv?userId=" + manager);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("做了什么", "认领了任务" + name, "成功", "POST " + task + "/claim");
    }

    private List<String> sentences(String query) throws Exception {
        Http.Response answer = Http.as(port, "auditor").get("/api/audit/access?" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> sentences = new ArrayList<>();
        for (JsonNode record : json.readTree(answer.body())) {
            sentences.add(record.path("sentence").asText());
        }
        return sentences;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
