package cn.rdfund.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * What an {@link EngineOnlyTest} does to its model on the in-memory engine, where no job executor runs: complete a
 * task as a user and run what is then due, let a deadline pass, stand a stub in for a model it calls — and afterwards
 * forget the stubs, the login, the beans and the engine of the assertions, because the next class shares the engine.
 */
public final class EngineOnlySteps {

    private final ProcessEngine engine;
    private final List<String> stubs = new ArrayList<>();

    /** Also points camunda-bpm-assert at this engine. */
    public EngineOnlySteps(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
    }

    /** The one open task of that id. */
    public Task open(String taskKey) {
        return engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult();
    }

    /** Completes the one open task of that id as that user, then runs what is due. */
    public void complete(String taskKey, String user, Map<String, Object> variables) {
        complete(open(taskKey), user, variables);
    }

    /** Completes the task as that user (the steps that stamp who did it read the engine's login), then runs what is due. */
    public void complete(Task task, String user, Map<String, Object> variables) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runDueJobs();
    }

    /** What the job executor would do now: every job that is due, until none is (timers due later stay). */
    public void runDueJobs() {
        List<Job> due;
        while (!(due = engine.getManagementService().createJobQuery().executable().list()).isEmpty()) {
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    /** The one timer waiting at that activity. */
    public Job timer(String timerActivity) {
        return engine.getManagementService().createJobQuery().timers().activityId(timerActivity).singleResult();
    }

    /** The date of that timer comes: it fires, and what is then due runs. */
    public void deadlinePasses(String timerActivity) {
        engine.getManagementService().executeJob(timer(timerActivity).getId());
        runDueJobs();
    }

    /** Deploys a stub in place of a model the model under test calls (the same key), until {@link #forget()}. */
    public void stub(BpmnModelInstance model, String name) {
        stubs.add(engine.getRepositoryService().createDeployment().addModelInstance(name + "Stub.bpmn", model)
                .deploy().getId());
    }

    /** Takes the stubs away and forgets the login, the registered beans and the assertions' engine. */
    public void forget() {
        stubs.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
        stubs.clear();
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
        AbstractAssertions.reset();
    }
}
