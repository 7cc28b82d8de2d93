package cn.rdfund.disbursement;

import static cn.rdfund.disbursement.DisbursementProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import cn.rdfund.system.tasks.FreshFormAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/disbursement/Disbursement.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml) with
 * its beans replaced by recorders: the instalment is computed, finance approves it and it is booked once; returned,
 * the manager resolves it and it is computed again before finance sees it anew. The amounts, caps and the ledger are
 * tested with the rules (InstalmentPlannerTest, LedgerChainTest) and over the whole application
 * (ProjectExecutionProcessTest, ScheduleTableInstalmentsTest).
 */
@EngineOnlyTest
@Deployment(resources = {"bpmn/disbursement/Disbursement.bpmn", "bpmn/disbursement/DisbursementApprovalForm.form",
        "bpmn/disbursement/DisbursementReturnForm.form"})
class DisbursementEngineTest {

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        steps = new EngineOnlySteps(processEngine);
        Mocks.register("computeInstalment", (JavaDelegate) execution -> calls.add("compute"));
        Mocks.register("recordPayment", (JavaDelegate) execution -> calls.add("book"));
        Mocks.register("labelTaskWithProject", (TaskListener) task -> calls.add("label " + task.getTaskDefinitionKey()));
        Mocks.register("freshFormAnswers", new FreshFormAnswers());
        Mocks.register("stampDisbursementApprover", (TaskListener) task -> calls.add("stamp " + task.getVariable(DECISION)));
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    private ProcessInstance startInstalment() {
        // Computed in the caller's transaction: only booking the payment is a job of its own.
        ProcessInstance instalment = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "P-2026-001");
        assertThat(instalment).isWaitingAt(TASK_APPROVE);
        assertThat(task()).hasCandidateGroup("finance");
        return instalment;
    }

    @Test
    void financeApprovesAndTheInstalmentIsBookedOnce() {
        ProcessInstance instalment = startInstalment();

        complete(task(), Map.of(DECISION, APPROVE));
        execute(job());

        assertThat(instalment).isEnded().hasPassed("EndEvent_InstalmentPaid").hasNotPassed(TASK_RESOLVE_RETURN);
        assertThat(calls).containsExactly("compute", "label " + TASK_APPROVE, "stamp APPROVE", "book");
    }

    @Test
    void aReturnedInstalmentIsResolvedByTheManagerAndComputedAgainBeforeFinanceSeesItAnew() {
        ProcessInstance instalment = startInstalment();

        complete(task(), Map.of(DECISION, RETURN));
        assertThat(instalment).isWaitingAt(TASK_RESOLVE_RETURN);
        assertThat(task()).hasCandidateGroup("pm-kjj");
        complete(task());
        assertThat(instalment).isWaitingAt(TASK_APPROVE);
        complete(task(), Map.of(DECISION, APPROVE));
        execute(job());

        assertThat(instalment).isEnded();
        assertThat(calls).containsExactly("compute", "label " + TASK_APPROVE, "stamp RETURN",
                "label " + TASK_RESOLVE_RETURN, "compute", "label " + TASK_APPROVE, "stamp APPROVE", "book");
    }

    @Test
    void eachRoundOfApprovalAndReturnStartsWithAnEmptyFormAndTheReturnReasonStaysVisible() {
        ProcessInstance instalment = startInstalment();
        String id = instalment.getId();
        processEngine.getRuntimeService().setVariable(id, "projectCode", "P-2026-001");

        complete(task(), Map.of(DECISION, RETURN, COMMENT, "凭证不全"));
        assertThat(variable(id, COMMENT)).as("the reason the return form shows").isEqualTo("凭证不全");
        complete(task(), Map.of(RETURN_REPLY, "已补充凭证"));
        assertThat(instalment).isWaitingAt(TASK_APPROVE);
        assertThat(variable(id, DECISION)).isNull();
        assertThat(variable(id, COMMENT)).isNull();
        assertThat(variable(id, "projectCode")).as("read-only fields stay").isEqualTo("P-2026-001");

        complete(task(), Map.of(DECISION, RETURN, COMMENT, "金额有误"));
        assertThat(instalment).isWaitingAt(TASK_RESOLVE_RETURN);
        assertThat(variable(id, RETURN_REPLY)).as("last round's reply").isNull();
        assertThat(variable(id, COMMENT)).isEqualTo("金额有误");
    }

    private Object variable(String instanceId, String name) {
        return processEngine.getRuntimeService().getVariable(instanceId, name);
    }
}
