package cn.rdfund.system.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.RdfundIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Instances of models deployed before freshFormAnswers still name the 19 retired fresh* listeners: each old name
 * still blanks exactly what its bean did, and nothing else of the case.
 */
@RdfundIntegrationTest
class RetiredFreshListenersTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void everyRetiredNameBlanksTheAnswersItUsedToAndKeepsTheRest() {
        var builder = repositoryService.createDeployment().name("retired fresh listeners (test)");
        RetiredFreshListeners.BLANKED.keySet().forEach(name -> builder.addModelInstance("Retired_" + name + ".bpmn",
                roundWith(name)));
        Deployment deployment = builder.deploy();
        try {
            RetiredFreshListeners.BLANKED.forEach((name, answers) -> {
                Map<String, Object> variables = new HashMap<>();
                answers.forEach(answer -> variables.put(answer, "上一轮的" + answer));
                variables.put("projectCode", "XM2026-1");
                String instance = runtimeService.startProcessInstanceByKey("Retired_" + name, variables).getId();

                Map<String, Object> left = runtimeService.getVariables(instance);
                assertThat(left).as(name).doesNotContainKeys(answers.toArray(String[]::new))
                        .containsEntry("projectCode", "XM2026-1");
            });
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void theOldRepaymentRoundKeepsTheReviewCommentOnlyAfterAReturn() {
        Deployment deployment = repositoryService.createDeployment()
                .addModelInstance("Retired_freshRepayment.bpmn", roundWith("freshRepayment")).deploy();
        try {
            String returned = runtimeService.startProcessInstanceByKey("Retired_freshRepayment", Map.of(
                    "repaymentReview", "RETURN", "repaymentReviewComment", "收据号不符")).getId();
            String confirmed = runtimeService.startProcessInstanceByKey("Retired_freshRepayment", Map.of(
                    "repaymentReview", "CONFIRM", "repaymentReviewComment", "已核对")).getId();

            assertThat(runtimeService.getVariables(returned)).containsEntry("repaymentReviewComment", "收据号不符");
            assertThat(runtimeService.getVariables(confirmed)).doesNotContainKey("repaymentReviewComment");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    /** A round of an old model: one task whose creation calls the retired listener by its old name. */
    private static BpmnModelInstance roundWith(String listener) {
        return Bpmn.createExecutableProcess("Retired_" + listener).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Round").camundaTaskListenerDelegateExpression("create", "${" + listener + "}")
                .endEvent()
                .done();
    }
}
