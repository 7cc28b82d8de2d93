package cn.rdfund.application;

import static cn.rdfund.application.FundingApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/application/FundingApplication.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml) with
 * its beans replaced by recorders and the expert review it calls replaced by a one-task stub: the applicant fills in and
 * submits, a project manager checks the form; passed, it is accepted, reviewed and the call is told; returned for
 * correction, the applicant corrects and it is submitted again, or the correction lapses and it is rejected; a first
 * submission after the call closed ends without a check. What the beans do is tested with the rules (EligibilityTest)
 * and over the whole application (FundingApplicationProcessTest, ApplicationApiTest).
 */
@EngineOnlyTest
@Deployment(resources = "bpmn/application/FundingApplication.bpmn")
class FundingApplicationEngineTest {

    private static final String APPLICANT = "applicant1";
    private static final String REVIEW_TASK = "Task_StubReview";
    private static final Date DUE = new Date(0);

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();
    private final List<String> deadlinePeriods = new ArrayList<>();
    private boolean callClosed;

    /** The correction's due and follow-up dates ({@code ${taskDeadlines.dueAfter(...)}}); public for the expression language. */
    public final class Deadlines {
        public Date dueAfter(String period) {
            deadlinePeriods.add(period);
            return DUE;
        }

        public Date followUpAfter(String period) {
            return DUE;
        }
    }

    @BeforeEach
    void registerBeansAndReviewStub() {
        steps = new EngineOnlySteps(processEngine);
        Mocks.register("prepareApplication", (ExecutionListener) execution -> calls.add("prepare"));
        Mocks.register("submitApplication", (JavaDelegate) execution -> {
            calls.add("submit");
            if (callClosed) {
                throw new BpmnError(WINDOW_CLOSED, "申报期已截止");
            }
            execution.setVariable(APPLICATION_ID, 7L);
            execution.setProcessBusinessKey("SB2026-000007");
            execution.setVariable("title", "智能传感器研发");
        });
        Mocks.register("labelTaskWithCase", (TaskListener) task -> { });
        Mocks.register("freshFormAnswers", (TaskListener) task -> calls.add("check"));
        Mocks.register("acceptApplication", (JavaDelegate) execution -> calls.add("accept"));
        Mocks.register("markReviewed", (ExecutionListener) execution -> calls.add("reviewed " + execution.getVariable("reviewScore")));
        Mocks.register("rejectApplication", (JavaDelegate) execution -> calls.add("reject"));
        Mocks.register("tellCallApplicationSettled", (JavaDelegate) execution -> calls.add("tell call"));
        Mocks.register("taskDeadlines", new Deadlines());
        Mocks.register("applicationSettings", new ApplicationSettings("P5D"));
        steps.stub(Bpmn.createExecutableProcess("ExpertReview").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubReview").userTask(REVIEW_TASK).endEvent("EndEvent_StubReview").done(), "ExpertReview");
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    /** The applicant starts an application and fills it in; 提交申报 waits for its job. */
    private ProcessInstance fillIn() {
        processEngine.getIdentityService().setAuthenticatedUserId(APPLICANT);
        ProcessInstance application = processEngine.getRuntimeService().startProcessInstanceByKey(KEY);
        processEngine.getIdentityService().clearAuthentication();
        assertThat(application).isWaitingAt(TASK_FILL);
        assertThat(task()).isAssignedTo(APPLICANT);
        complete(task(), Map.of(CALL_ID, 3L));
        assertThat(application).isWaitingAt(SUBMIT);
        return application;
    }

    /** Submitted, the application waits for the project managers' formal check. */
    private ProcessInstance submitted() {
        ProcessInstance application = fillIn();
        execute(job());
        assertThat(application).isWaitingAt(TASK_FORMAL_CHECK);
        assertThat(task()).hasCandidateGroup("pm-kjj");
        return application;
    }

    private void returnForCorrection(ProcessInstance application) {
        complete(task(), Map.of(CHECK_DECISION, CORRECT, CHECK_COMMENT, "缺少单位承诺书"));
        assertThat(application).isWaitingAt(TASK_CORRECT);
        assertThat(task()).isAssignedTo(APPLICANT).hasDueDate(DUE);
        assertThat(deadlinePeriods).as("the correction timer's period").containsOnly("P5D");
    }

    @Test
    void aPassedApplicationIsAcceptedReviewedUnderItsOwnIdAndTheCallIsTold() {
        ProcessInstance application = submitted();

        complete(task(), Map.of(CHECK_DECISION, PASS));
        execute(job());
        assertThat(application).isWaitingAt(CALL_REVIEW);
        ProcessInstance review = processEngine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(application.getId()).singleResult();
        assertThat(review.getBusinessKey()).as("the review carries the application's code").isEqualTo("SB2026-000007");
        assertThat(processEngine.getRuntimeService().getVariable(review.getId(), "applicationProcessId"))
                .as("and records its reviews under the application's process").isEqualTo(application.getId());
        assertThat(processEngine.getRuntimeService().getVariable(review.getId(), "title")).isEqualTo("智能传感器研发");
        complete(reviewTask(review), Map.of("reviewScore", "85.00分"));
        assertThat(application).isWaitingAt("EndEvent_Reviewed");
        execute(job());

        assertThat(application).isEnded().hasPassed("EndEvent_Reviewed").hasNotPassed(END_REJECTED, TASK_CORRECT);
        assertThat(calls).containsExactly("prepare", "submit", "check", "accept", "reviewed 85.00分", "tell call");
    }

    @Test
    void aCorrectedApplicationIsSubmittedAndCheckedAgainAndARejectionTellsTheCall() {
        ProcessInstance application = submitted();
        returnForCorrection(application);

        complete(task(), Map.of("title", "智能传感器研发（补正）"));
        assertThat(application).isWaitingAt(SUBMIT);
        execute(job());
        assertThat(application).isWaitingAt(TASK_FORMAL_CHECK);
        complete(task(), Map.of(CHECK_DECISION, REJECT_DECISION));
        assertThat(application).isWaitingAt(REJECT);
        execute(job());

        assertThat(application).isEnded().hasPassed(END_REJECTED).hasNotPassed(CALL_REVIEW, CORRECTION_OVERDUE);
        assertThat(calls).containsExactly("prepare", "submit", "check", "submit", "check", "reject", "tell call");
    }

    @Test
    void aLapsedCorrectionIsRejectedAndTheCallIsTold() {
        ProcessInstance application = submitted();
        returnForCorrection(application);

        execute(job(CORRECTION_OVERDUE));
        assertThat(application).isWaitingAt(REJECT);
        execute(job());

        assertThat(application).isEnded().hasPassed(CORRECTION_OVERDUE, END_REJECTED);
        assertThat(calls).containsExactly("prepare", "submit", "check", "reject", "tell call");
    }

    @Test
    void aFirstSubmissionAfterTheCallClosedEndsWithoutACheckAndWithoutTellingTheCall() {
        callClosed = true;
        ProcessInstance application = fillIn();

        execute(job());

        assertThat(application).isEnded().hasPassed(END_WINDOW_CLOSED).hasNotPassed(TASK_FORMAL_CHECK);
        assertThat(calls).containsExactly("prepare", "submit");
    }

    private static Task reviewTask(ProcessInstance review) {
        return task(REVIEW_TASK, review);
    }
}
