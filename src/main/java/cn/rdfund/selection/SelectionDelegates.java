package cn.rdfund.selection;

import static cn.rdfund.selection.FundingCallProcess.*;

import cn.rdfund.application.ApplicationService;
import cn.rdfund.calendar.NoticePeriod;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.money.Wan;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import cn.rdfund.system.tasks.CurrentUser;
import cn.rdfund.system.tasks.ProcessStarter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The selection steps of bpmn/call/FundingCall.bpmn, after the application window has closed. */
@Configuration
class SelectionDelegates {

    private static final DateTimeFormatter NOTICE_END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Bean
    JavaDelegate checkReviewsFinished(SelectionService selection, ApplicationService applications) {
        return execution -> {
            long pending = applications.unsettledOf(selection.callOf(execution.getProcessInstanceId()).id());
            execution.setVariable(PENDING_APPLICATIONS, pending);
            execution.setVariable(REVIEWS_FINISHED, pending == 0);
        };
    }

    /** Ranks for the current notice round and opens the public notice with its end date. */
    @Bean
    JavaDelegate rankApplications(SelectionService selection, SelectionTimes times) {
        return execution -> {
            int round = of(execution).noticeRound();
            execution.setVariable(NOTICE_ROUND, round);
            long callId = selection.callOf(execution.getProcessInstanceId()).id();
            List<SelectionService.Ranking> ranking = selection.rank(callId, round);
            execution.setVariable(REVIEW_SHORTFALLS, selection.reviewShortfallText(callId, ranking));
            execution.setVariable(SELECTED_COUNT, ranking.stream().filter(SelectionService.Ranking::selected).count());
            execution.setVariable(SELECTION_NOTICE, selection.noticeText(ranking));
            execution.setVariable(SELECTED_OPTIONS, Spin.JSON(selection.selectedOptions(ranking)));
            ZonedDateTime endsAt = times.noticeEndsAt();
            execution.setVariable(NOTICE_ENDS_AT, NoticePeriod.forTimer(endsAt));
            execution.setVariable(NOTICE_ENDS_DISPLAY, endsAt.format(NOTICE_END));
        };
    }

    @Bean
    JavaDelegate closeWithoutProjects(FundingCallService calls) {
        return execution -> calls.changeStatusOf(execution.getProcessInstanceId(), "NO_FUNDABLE");
    }

    /** Who registered the objection (from the login) and, for the handler, which project it concerns. */
    @Bean
    TaskListener stampObjectionRegistrar(SelectionService selection) {
        return task -> {
            task.setVariable(OBJECTION_REGISTERED_BY, CurrentUser.of(task));
            task.setVariable(OBJECTION_TARGET,
                    selection.describe(of(task).objectionApplicationId()));
        };
    }

    /** Records the decision on an objection; an upheld one starts a new round of ranking and notice. */
    @Bean
    TaskListener recordObjectionDecision(SelectionService selection) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            int round = of(execution).noticeRound();
            Variables vars = of(task);
            String decision = vars.objectionDecision();
            selection.recordObjection(new SelectionService.Objection(
                    selection.callOf(task.getProcessInstanceId()).id(), round, vars.objectionApplicationId(),
                    vars.objection(), vars.objectionRegisteredBy(), decision, vars.objectionReason(),
                    CurrentUser.of(task), task.getId()));
            if (UPHELD.equals(decision)) {
                execution.setVariable(NOTICE_ROUND, round + 1);
            }
        };
    }

    /** Creates the projects of the final list and starts each one's execution process, once. */
    @Bean
    JavaDelegate approveProjects(SelectionService selection, FundingCallService calls, ProjectService projects,
            ProcessStarter starter, RuntimeService runtimeService, HistoryService historyService) {
        return execution -> {
            FundingCall call = selection.callOf(execution.getProcessInstanceId());
            for (Project project : selection.approve(call.id(), of(execution).noticeRound(),
                    application -> starter.of(application.processInstanceId()))) {
                boolean started = historyService.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ProjectExecutionProcess.KEY).processInstanceBusinessKey(project.code())
                        .count() > 0;
                if (!started) {
                    String instance = runtimeService.startProcessInstanceByKey(ProjectExecutionProcess.KEY,
                            project.code(), Map.of(
                                    ProjectExecutionProcess.PROJECT_ID, project.id(),
                                    ProjectExecutionProcess.PROJECT_CODE, project.code(),
                                    ProjectExecutionProcess.TITLE, project.title(),
                                    ProjectExecutionProcess.APPLICANT, project.applicantUserId(),
                                    ProjectExecutionProcess.APPLICANT_NAME, selection.applicantName(project.organizationId()),
                                    ProjectExecutionProcess.APPROVED_DISPLAY, Wan.format(project.approvedAmount()),
                                    // the agreement starts from what the application promised
                                    ProjectExecutionProcess.INDICATORS, selection.promisedIndicators(project.applicationId())))
                            .getId();
                    projects.attachProcess(project.id(), instance);
                }
            }
            calls.changeStatusOf(execution.getProcessInstanceId(), "DECIDED");
        };
    }
}
