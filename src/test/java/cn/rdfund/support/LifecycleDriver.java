package cn.rdfund.support;

import cn.rdfund.document.CaseDocuments;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ExpertReviewProcess;
import cn.rdfund.selection.FundingCallProcess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Takes calls, applications and projects through their processes as the demo users would in Tasklist:
 * every user task completed by a user with the right groups, every job executed as the job executor would.
 */
@Component
public class LifecycleDriver {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String AREAS = "[\"新药筛选\", \"化学合成\", \"中药组分分析与质量控制\", \"新制剂与新释药系统\", \"医学影像\", \"血管植入介入\"]";

    private final ProcessDriver driver;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final OrganizationRepository organizations;
    private final OrganizationMembers members;
    private final CaseDocuments documents;

    LifecycleDriver(ProcessDriver driver, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, IdentityService identityService, OrganizationRepository organizations,
            OrganizationMembers members, CaseDocuments documents) {
        this.driver = driver;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.organizations = organizations;
        this.members = members;
        this.documents = documents;
    }

    /** A fresh enterprise with one applicant account, so that tests never share an enterprise's cap. */
    public String newApplicant(String organizationName) {
        String userId = "app-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(userId);
        user.setFirstName(organizationName);
        user.setLastName("申报人");
        user.setPassword(userId);
        identityService.saveUser(user);
        identityService.createMembership(userId, "applicants");
        long organizationId = organizations.save(TestData.newEnterprise(organizationName + userId)).id();
        members.join(userId, organizationId);
        return userId;
    }

    /**
     * A fresh staff account in these groups (e.g. a program manager who is also in finance), to show that four eyes
     * holds for a person, whatever their groups.
     */
    public String newStaff(String... groups) {
        String userId = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(userId);
        user.setFirstName("兼岗人员");
        user.setLastName(userId.substring("staff-".length()));
        user.setPassword(userId);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(userId, group);
        }
        return userId;
    }

    /** A P1.1a call (at most 500万 per project) drafted by kjj, approved by kjj2 and published: open for applications. */
    public ProcessInstance publishCall(String totalBudgetWan) {
        ProcessInstance call = driver.start(FundingCallProcess.KEY, "kjj");
        driver.complete(call, FundingCallProcess.TASK_DRAFT, "kjj", Variables.createVariables()
                .putValue("title", "关键核心技术攻关测试指南").putValue("measure", "P1.1a")
                .putValue("areas", Spin.JSON(AREAS)).putValue("totalBudgetWan", totalBudgetWan)
                .putValue("projectCapWan", "500").putValue("opensOn", TODAY.toString())
                .putValue("closesOn", TODAY.plusDays(30).toString()));
        driver.complete(call, FundingCallProcess.TASK_APPROVE, "kjj2",
                Map.of(FundingCallProcess.APPROVAL_DECISION, FundingCallProcess.APPROVE));
        runJobs(call);
        return call;
    }

    /** An application submitted to the call, waiting for its formal check. */
    public ProcessInstance submitApplication(ProcessInstance call, String applicant, String title, String requestedWan) {
        Object callId = runtimeService.getVariable(call.getId(), FundingCallProcess.CALL_ID);
        ProcessInstance application = driver.start(FundingApplicationProcess.KEY, applicant);
        attachApplicationForm(application, applicant, title);
        driver.complete(application, FundingApplicationProcess.TASK_FILL, applicant, Map.of(
                FundingApplicationProcess.CALL_ID, String.valueOf(callId), "title", title,
                "requestedWan", requestedWan, "coFundingWan", "", "partnerUsccs", "", "projectSummary", "项目简介", "teamDescription", "团队", "workPlan", "计划", "promisedIndicators", "指标"));
        runJobs(application);
        return application;
    }

    /** The applicant attaches the 申报书 on 填写申报书, as in the 材料 tab (the shipped configuration requires it). */
    public void attachApplicationForm(ProcessInstance application, String applicant, String title) {
        attach(application, FundingApplicationProcess.TASK_FILL, applicant, "申报书", title + "申报书.pdf",
                TasklistClient.MINIMAL_PDF);
    }

    /** A file attached on the instance's open task as the user would in the 材料 tab (the same checks). */
    public void attach(ProcessInstance instance, String taskKey, String user, String kind, String fileName,
            byte[] content) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        documents.attachAs(new CamundaUser(user, groups), task.getId(), kind, fileName, content).orElseThrow();
    }

    /** An application through the formal check and a review in which every expert gives the same score. */
    public ProcessInstance applyAndReview(ProcessInstance call, String applicant, String title, String requestedWan,
            int score) {
        ProcessInstance application = submitApplication(call, applicant, title, requestedWan);
        driver.complete(application, FundingApplicationProcess.TASK_FORMAL_CHECK, "kjj",
                Map.of(FundingApplicationProcess.CHECK_DECISION, FundingApplicationProcess.PASS));
        runJobs(application);
        completeAll(application, ExpertReviewProcess.TASK_DECLARE, Map.of(ExpertReviewProcess.DECLARATION, ExpertReviewProcess.NO_CONFLICT));
        completeAll(application, ExpertReviewProcess.TASK_SCORE, Map.of("advancement", score, "feasibility", score,
                "team", score, "budget", score, "industrialization", score, "reviewComment", "评审意见"));
        return application;
    }

    /** kjj closes the window early; the call ranks the reviewed applications. */
    public void closeWindow(ProcessInstance call) {
        driver.complete(call, FundingCallProcess.TASK_CLOSE_WINDOW, "kjj", Map.of());
        runJobs(call);
    }

    /** The public notice's period passes. */
    public void endNotice(ProcessInstance call) {
        fireTimer(call, FundingCallProcess.NOTICE_ENDED);
    }

    /** Fires the timer of that activity in the instance or one it called (an expert panel's deadline). */
    public void fireTimer(ProcessInstance instance, String activityId) {
        List<Job> timers = jobs(instance, query -> query.timers().activityId(activityId));
        if (timers.size() != 1) {
            throw new IllegalStateException("期望1个" + activityId + "定时器，实际" + timers.size());
        }
        managementService.executeJob(timers.get(0).getId());
        runJobs(instance);
    }

    public ProcessInstance projectOf(String projectCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProjectExecutionProcess.KEY)
                .processInstanceBusinessKey(projectCode).singleResult();
    }

    /** Completes every open task with that id in the instance or its sub-processes, each as its assignee. */
    public void completeAll(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        for (Task task : tasks(instance, taskKey)) {
            complete(task, task.getAssignee(), variables);
        }
        runJobs(instance);
    }

    public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        List<Task> open = tasks(instance, taskKey);
        if (open.size() != 1) {
            throw new IllegalStateException("期望1个" + taskKey + "任务，实际" + open.size());
        }
        complete(open.get(0), user, variables);
        runJobs(instance);
    }

    public List<Task> tasks(ProcessInstance instance, String taskKey) {
        List<String> running = tree(instance);
        return running.isEmpty() ? List.of() : taskService.createTaskQuery()
                .processInstanceIdIn(running.toArray(String[]::new)).taskDefinitionKey(taskKey).list();
    }

    /** The experts' open tasks of the instance's running panels of that stage ({@code ProjectAssessment.MIDTERM}, ...). */
    public List<Task> panelTasks(ProcessInstance instance, String stage) {
        return tasks(instance, ExpertPanelProcess.TASK_ASSESS).stream().filter(task -> stage.equals(
                runtimeService.getVariable(task.getProcessInstanceId(), ExpertPanelProcess.STAGE))).toList();
    }

    /** Every expert of the instance's running panels of that stage gives the same opinion. */
    public void completePanel(ProcessInstance instance, String stage, Map<String, Object> variables) {
        for (Task task : panelTasks(instance, stage)) {
            complete(task, task.getAssignee(), variables);
        }
        runJobs(instance);
    }

    /** Completes one task as the user; the jobs that follow are left to the caller ({@link #runJobs}). */
    public void complete(Task task, String user, Map<String, Object> variables) {
        driver.complete(task, user, new HashMap<>(variables));
    }

    /** Executes every due job of the instance and its sub-processes (also ones they start), until none is left. */
    public void runJobs(ProcessInstance instance) {
        List<Job> due;
        while (!(due = jobs(instance, JobQuery::executable)).isEmpty()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** The jobs of the instance and of every instance it called, directly or not. */
    private List<Job> jobs(ProcessInstance instance, UnaryOperator<JobQuery> filter) {
        if (isRoot(instance)) {
            return filter.apply(managementService.createJobQuery().rootProcessInstanceId(instance.getId())).list();
        }
        return tree(instance).stream()
                .flatMap(id -> filter.apply(managementService.createJobQuery().processInstanceId(id)).list().stream())
                .toList();
    }

    /** The instance and every instance it called, directly or not: one query for a root (most of them). */
    private List<String> tree(ProcessInstance instance) {
        if (isRoot(instance)) {
            return runtimeService.createProcessInstanceQuery().rootProcessInstanceId(instance.getId()).list().stream()
                    .map(ProcessInstance::getId).toList();
        }
        List<String> ids = new ArrayList<>(List.of(instance.getId()));
        for (int i = 0; i < ids.size(); i++) {
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
                    .forEach(sub -> ids.add(sub.getId()));
        }
        return ids;
    }

    private static boolean isRoot(ProcessInstance instance) {
        return instance.getId().equals(instance.getRootProcessInstanceId());
    }
}
