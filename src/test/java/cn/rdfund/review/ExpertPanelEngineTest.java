package cn.rdfund.review;

import static cn.rdfund.review.ExpertPanelProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/review/ExpertPanel.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml) with its beans
 * replaced by recorders: the draw, one task per drawn expert, each opinion recorded as its task completes, one
 * conclusion after the last, and the deadline reported to the caller while the assessment goes on. Runs in about a
 * second; what the beans do is tested with the rules (ExpertDrawTest, PanelVerdictTest) and over the whole
 * application (ProjectExecutionProcessTest, ChallengeProcessTest).
 */
@EngineOnlyTest
@Deployment(resources = "bpmn/review/ExpertPanel.bpmn")
class ExpertPanelEngineTest {

    private static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3");

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();

    /** Called by the model as {@code ${panelMembers.of(execution)}}; public for the expression language. */
    public static final class DrawnPanel {
        public List<String> of(DelegateExecution execution) {
            return EXPERTS;
        }
    }

    @BeforeEach
    void registerBeans() {
        steps = new EngineOnlySteps(processEngine);
        Mocks.register("drawExpertPanel", (JavaDelegate) execution -> calls.add("draw " + execution.getVariable(STAGE)));
        Mocks.register("panelMembers", new DrawnPanel());
        Mocks.register("labelPanelTask", (TaskListener) task -> calls.add("label " + task.getAssignee()));
        Mocks.register("recordPanelOpinion", (TaskListener) task ->
                calls.add("opinion " + task.getAssignee() + " " + task.getVariable(VERDICT)));
        Mocks.register("concludeExpertPanel", (JavaDelegate) execution -> calls.add("conclude"));
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    private ProcessInstance startPanel() {
        ProcessInstance panel = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "P-2026-001",
                Map.of(STAGE, "MIDTERM", PROJECT_ID, 1L, ROUND, 1, DEADLINE, "P14D", FORM, "review/MidtermAssessment.form",
                        TASK_NAME, "中期检查评议"));
        assertThat(panel).isWaitingAt(DRAW);
        execute(job());
        assertThat(panel).isWaitingAt(TASK_ASSESS);
        runDueJobs();
        return panel;
    }

    /** What the job executor would do now: each expert's task is started by a job of its own (asyncBefore). */
    private void runDueJobs() {
        processEngine.getManagementService().createJobQuery().executable().list().forEach(job -> execute(job));
    }

    private void assess(String expert, String verdict) {
        Task task = taskQuery().taskAssignee(expert).singleResult();
        complete(task, Map.of(VERDICT, verdict, ASSESSMENT_COMMENT, expert + "的意见"));
    }

    @Test
    void everyDrawnExpertAssessesAndThePanelConcludesOnceAfterTheLast() {
        ProcessInstance panel = startPanel();

        assertThat(taskQuery().list()).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(EXPERTS);
        assess("expert1", "PASS");
        assess("expert2", "RECTIFY");
        assertThat(calls).doesNotContain("conclude");
        assess("expert3", "PASS");
        assertThat(panel).isWaitingAt(CONCLUDE);
        runDueJobs();

        assertThat(panel).isEnded().hasPassed("EndEvent_PanelConcluded").hasNotPassed("EndEvent_OverdueReported");
        assertThat(calls).containsExactly("draw MIDTERM", "label expert1", "label expert2", "label expert3",
                "opinion expert1 PASS", "opinion expert2 RECTIFY", "opinion expert3 PASS", "conclude");
    }

    @Test
    void aPassedDeadlineIsReportedToTheCallerAndTheAssessmentGoesOn() {
        ProcessInstance panel = startPanel();
        assess("expert1", "PASS");

        execute(job(ASSESSMENT_OVERDUE));

        assertThat(panel).hasPassed("IntermediateThrowEvent_PanelOverdue", "EndEvent_OverdueReported")
                .isWaitingAt(TASK_ASSESS);
        assertThat(taskQuery().list()).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert2", "expert3");
        assess("expert2", "FAIL");
        assess("expert3", "FAIL");
        runDueJobs();
        assertThat(panel).isEnded().hasPassed("EndEvent_PanelConcluded");
        assertThat(calls).containsSubsequence("opinion expert1 PASS", "opinion expert3 FAIL", "conclude");
    }
}
