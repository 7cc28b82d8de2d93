package cn.rdfund.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.TasklistClient;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.tasks.TaskCompletion;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * 填写申报书 waits for the 申报书 where the configuration requires it (the shipped one does; the tests' profile does not,
 * so the rule is built here with the shipped requirement, on the real database and engine).
 */
@RdfundIntegrationTest
class RequiredDocumentsTest {

    private static final List<DocumentSettings.Requirement> SHIPPED = List.of(new DocumentSettings.Requirement(
            FundingApplicationProcess.KEY, FundingApplicationProcess.TASK_FILL, List.of("申报书")));

    @LocalServerPort
    int port;

    @Autowired
    DocumentRepository repository;

    @Autowired
    CaseMembership membership;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ProcessDriver driver;

    @Autowired
    TaskService tasks;

    @Test
    void anApplicationIsSubmittedOnlyOnceItsApplicationFormIsAttached() {
        RequiredDocuments rule = new RequiredDocuments(settings(SHIPPED), repository, membership);
        String applicant = lifecycle.newApplicant("必备材料测试有限公司");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = tasks.createTaskQuery().processInstanceId(application.getId()).singleResult();
        TaskCompletion completion = new TaskCompletion(Map.of(), applicant, application.getId(), applicant,
                FundingApplicationProcess.KEY, fill.getTaskDefinitionKey());

        assertThat(rule.appliesTo(FundingApplicationProcess.KEY, FundingApplicationProcess.TASK_FILL)).isTrue();
        assertThat(rule.appliesTo(FundingApplicationProcess.KEY, FundingApplicationProcess.TASK_CORRECT)).isFalse();
        assertThat(rule.problems(completion)).containsExactly("请先在「材料」页上传：申报书（PDF等，上传后再点「完成」）");

        attach(applicant, fill, "可行性研究报告");
        assertThat(rule.problems(completion)).as("another kind is not the 申报书").hasSize(1);
        attach(applicant, fill, "申报书");
        assertThat(rule.problems(completion)).isEmpty();
        assertThat(new RequiredDocuments(settings(List.of()), repository, membership)
                .appliesTo(FundingApplicationProcess.KEY, FundingApplicationProcess.TASK_FILL))
                .as("nothing required: the rule checks no task").isFalse();
    }

    @Test
    void aFullCaseStillTakesTheDocumentItsTaskRequires() throws Exception {
        DocumentSettings oneByte = new DocumentSettings(List.of("申报书", "可行性研究报告"), null,
                List.of(new DocumentSettings.FileType("application/pdf", "PDF")), List.of(), List.of(),
                DataSize.ofBytes(1), SHIPPED);
        CaseDocuments documents = new CaseDocuments(repository, membership, oneByte, Clock.systemUTC());
        String applicant = lifecycle.newApplicant("配额测试有限公司");
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        Task fill = tasks.createTaskQuery().processInstanceId(application.getId()).singleResult();
        CamundaUser user = new CamundaUser(applicant, List.of("applicants"));

        assertThatThrownBy(() -> documents.attachAs(user, fill.getId(), "可行性研究报告", "报告.pdf",
                TasklistClient.MINIMAL_PDF)).hasMessageContaining("超过每案上限");
        assertThat(documents.attachAs(user, fill.getId(), "申报书", "申报书.pdf", TasklistClient.MINIMAL_PDF))
                .as("the 申报书 that 填写申报书 requires").isPresent();
    }

    @Test
    void aRequirementNamesItsTaskAndKinds() {
        assertThatThrownBy(() -> new DocumentSettings.Requirement(FundingApplicationProcess.KEY, " ", List.of("申报书")))
                .hasMessageContaining("each row needs process, task and kinds");
        assertThatThrownBy(() -> new DocumentSettings.Requirement(FundingApplicationProcess.KEY,
                FundingApplicationProcess.TASK_FILL, List.of())).hasMessageContaining("each row needs");
    }

    @Test
    void aRequiredKindMustBeAKindOfDocument() {
        assertThatThrownBy(() -> settings(List.of(new DocumentSettings.Requirement(FundingApplicationProcess.KEY,
                FundingApplicationProcess.TASK_FILL, List.of("申报材料")))))
                .hasMessageContaining("requires [申报材料], not all of them in rdfund.documents.kinds");
    }

    private void attach(String applicant, Task fill, String kind) {
        Http.Response attached = Http.as(port, applicant).postFile("/api/tasks/" + fill.getId() + "/documents",
                Map.of("kind", kind), "file", kind + ".pdf", TasklistClient.MINIMAL_PDF);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    }

    private static DocumentSettings settings(List<DocumentSettings.Requirement> required) {
        return new DocumentSettings(List.of("申报书", "可行性研究报告"), null,
                List.of(new DocumentSettings.FileType("application/pdf", "PDF")), List.of(), List.of(), null, required);
    }
}
