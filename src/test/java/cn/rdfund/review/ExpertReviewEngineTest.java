package cn.rdfund.review;

import static cn.rdfund.review.ExpertReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * bpmn/review/ExpertReview.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml) with its beans
 * replaced by recorders: each drawn expert declares conflicts of interest, then scores; one who declares a conflict or
 * lets the declaration lapse is replaced, or their part ends when nobody is left; the scores are aggregated once after
 * the last part, and diverging scores go to the project managers' consensus. The draw and the aggregation are tested
 * with the rules (ExpertDrawTest, ScoreAggregationTest) and over the whole application (ExpertReviewProcessTest).
 */
@EngineOnlyTest
@Deployment(resources = {"bpmn/review/ExpertReview.bpmn", "bpmn/review/ConflictDeclarationForm.form",
        "bpmn/review/ReviewScoreForm.form", "bpmn/review/ConsensusForm.form"})
class ExpertReviewEngineTest {

    private static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3");

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();
    /** Who replaceExpert finds, in turn; none once it is empty. */
    private final Deque<String> replacements = new ArrayDeque<>();
    private boolean scoresDiverge;

    /** Called by the model as {@code ${reviewPanel.experts(execution)}}; public for the expression language. */
    public static final class DrawnPanel implements DrawnExperts {
        @Override
        public List<String> experts(DelegateExecution execution) {
            return EXPERTS;
        }
    }

    private static final Date DUE = new Date(0);

    /** The declaration's due and follow-up dates ({@code ${taskDeadlines.dueAfter(...)}}); public for the same reason. */
    public final class Deadlines {
        public Date dueAfter(String period) {
            deadlinePeriods.add(period);
            return DUE;
        }

        public Date followUpAfter(String period) {
            return DUE;
        }
    }

    private final List<String> deadlinePeriods = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        steps = new EngineOnlySteps(processEngine);
        Mocks.register("labelTaskWithCase", (TaskListener) task -> { });
        Mocks.register("drawPanel", (JavaDelegate) execution -> calls.add("draw " + execution.getProcessBusinessKey()));
        Mocks.register("reviewPanel", new DrawnPanel());
        Mocks.register("openExpertScope", (ExecutionListener) execution -> {
            for (String name : new String[] {DECLARATION, CONFLICT_REASON, REVIEW_COMMENT, REPLACEMENT_FOUND}) {
                execution.setVariableLocal(name, null);
            }
        });
        Mocks.register("taskDeadlines", new Deadlines());
        Mocks.register("reviewTimes", new ReviewTimes("P3D"));
        Mocks.register("replaceExpert", (JavaDelegate) execution -> {
            calls.add("replace " + execution.getVariable(EXPERT) + " " + execution.getVariable(DECLARATION));
            String next = replacements.poll();
            if (next != null) {
                execution.setVariable(EXPERT, next);
            }
            execution.setVariable(REPLACEMENT_FOUND, next != null);
            execution.setVariable(DECLARATION, null);
        });
        Mocks.register("recordReview", (JavaDelegate) execution ->
                calls.add("record " + execution.getVariable(EXPERT) + " " + execution.getVariable(REVIEW_COMMENT)));
        Mocks.register("aggregateReviews", (JavaDelegate) execution -> {
            calls.add("aggregate");
            execution.setVariable(NEEDS_CONSENSUS, scoresDiverge);
        });
        Mocks.register("stampConsensusDecider", (TaskListener) task -> calls.add("stamp " + task.getVariable(CONSENSUS_SCORE)));
        Mocks.register("recordConsensus", (JavaDelegate) execution -> calls.add("consensus"));
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    private ProcessInstance startReview() {
        ProcessInstance review = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "application-1");
        assertThat(review).isWaitingAt("ServiceTask_DrawPanel");
        steps.runDueJobs();
        assertThat(review).isWaitingAt(TASK_DECLARE);
        assertThat(taskQuery().list()).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(EXPERTS);
        assertThat(taskQuery().list()).extracting(Task::getDueDate).containsOnly(DUE);
        assertThat(deadlinePeriods).as("the declaration timer's period").containsOnly("P3D");
        return review;
    }

    private Task taskOf(String expert) {
        return taskQuery().taskAssignee(expert).singleResult();
    }

    private void declare(String expert, String declaration) {
        complete(taskOf(expert), Map.of(DECLARATION, declaration));
        steps.runDueJobs();
    }

    private void score(String expert) {
        assertThat(taskOf(expert).getTaskDefinitionKey()).isEqualTo(TASK_SCORE);
        complete(taskOf(expert), Map.of(REVIEW_COMMENT, expert + "的意见"));
        steps.runDueJobs();
    }

    @Test
    void everyExpertDeclaresThenScoresAndAgreeingScoresEndTheReviewWithoutConsensus() {
        ProcessInstance review = startReview();

        EXPERTS.forEach(expert -> declare(expert, NO_CONFLICT));
        assertThat(taskQuery().taskDefinitionKey(TASK_SCORE).list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrderElementsOf(EXPERTS);
        score("expert1");
        score("expert2");
        assertThat(calls).doesNotContain("aggregate");
        score("expert3");

        assertThat(review).isEnded().hasPassed(END_REVIEWED).hasNotPassed(TASK_CONSENSUS, REPLACE);
        assertThat(calls).containsExactly("draw application-1", "record expert1 expert1的意见",
                "record expert2 expert2的意见", "record expert3 expert3的意见", "aggregate");
    }

    @Test
    void aConflictIsReplacedALapsedDeclarationWithNobodyLeftEndsThatPartAndDivergingScoresGoToConsensus() {
        replacements.add("expert4");
        scoresDiverge = true;
        ProcessInstance review = startReview();

        declare("expert1", CONFLICT);
        assertThat(taskOf("expert4").getTaskDefinitionKey()).as("the replacement declares in turn").isEqualTo(TASK_DECLARE);
        execute(processEngine.getManagementService().createJobQuery().timers()
                .executionId(taskOf("expert2").getExecutionId()).singleResult());
        steps.runDueJobs();
        assertThat(taskOf("expert2")).as("a lapsed declaration's task is gone").isNull();
        declare("expert3", NO_CONFLICT);
        declare("expert4", NO_CONFLICT);
        score("expert3");
        score("expert4");

        assertThat(review).isWaitingAt(TASK_CONSENSUS);
        assertThat(task()).hasCandidateGroup("pm-kjj");
        complete(task(), Map.of(CONSENSUS_SCORE, 80L, CONSENSUS_REASON, "合议一致"));
        steps.runDueJobs();

        assertThat(review).isEnded().hasPassed(DECLARATION_OVERDUE, NO_REPLACEMENT, END_REVIEWED);
        assertThat(calls).containsExactly("draw application-1", "replace expert1 CONFLICT", "replace expert2 null",
                "record expert3 expert3的意见", "record expert4 expert4的意见", "aggregate", "stamp 80", "consensus");
    }
}
