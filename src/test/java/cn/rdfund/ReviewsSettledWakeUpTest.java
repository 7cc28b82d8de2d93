package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/**
 * A closed call (or challenge) counts its unsettled applications and, if some are left, waits for the message that
 * the next one has ended. No wake-up is lost because the count and the application's end both lock the call's row
 * inside the engine's transaction (ApplicationService). That holds only while counting and starting to wait are one
 * transaction: an async boundary between them would let an application end in the gap, its message find nobody
 * waiting, and the call wait for ever.
 */
class ReviewsSettledWakeUpTest {

    private static final List<String> WAIT = List.of("ServiceTask_CheckReviewsFinished", "Gateway_ReviewsFinished",
            "MessageEvent_ApplicationSettled");

    @Test
    void aCallCountsAndStartsWaitingInOneTransaction() {
        assertNoAsyncBoundaryInTheWait(Path.of("bpmn/call/FundingCall.bpmn"));
    }

    @Test
    void aChallengeCountsAndStartsWaitingInOneTransaction() {
        assertNoAsyncBoundaryInTheWait(Path.of("bpmn/challenge/Challenge.bpmn"));
    }

    private static void assertNoAsyncBoundaryInTheWait(Path model) {
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        for (int i = 0; i < WAIT.size(); i++) {
            FlowNode node = instance.getModelElementById(WAIT.get(i));
            assertThat(node).as(model + " has " + WAIT.get(i)).isNotNull();
            assertThat(node.isCamundaAsyncAfter()).as(WAIT.get(i) + " asyncAfter in " + model).isFalse();
            if (i > 0) {
                assertThat(node.isCamundaAsyncBefore()).as(WAIT.get(i) + " asyncBefore in " + model).isFalse();
            }
        }
        FlowNode check = instance.getModelElementById(WAIT.get(0));
        assertThat(check.getSucceedingNodes().list()).extracting(FlowNode::getId).containsExactly(WAIT.get(1));
        FlowNode gateway = instance.getModelElementById(WAIT.get(1));
        assertThat(gateway.getSucceedingNodes().list()).extracting(FlowNode::getId).contains(WAIT.get(2));
    }
}
