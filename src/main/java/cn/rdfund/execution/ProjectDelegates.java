package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.money.Wan;
import cn.rdfund.project.AgreementTerms;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps and listeners of bpmn/project/ProjectExecution.bpmn that concern the project itself. */
@Configuration
class ProjectDelegates {

    /** Writes the approved agreement and hands the mid-term and acceptance dates to the timers. */
    @Bean
    JavaDelegate signAgreement(ProjectService projects) {
        return execution -> {
            Variables vars = of(execution);
            LocalDate midterm = vars.midtermDate();
            Project project = projects.get(vars.projectId());
            if (Project.APPROVED.equals(project.status())) {
                // Dates were checked against the day they were entered; signing after midnight changes nothing.
                project = projects.signAgreement(project.id(), AgreementTerms.parse(
                        vars.milestones(), midterm, project.createdAt().toLocalDate()), midterm, vars.indicators());
            }
            execution.setVariable(MIDTERM_AT, projects.midtermCheckStartsAt(project));
            execution.setVariable(MIDTERM_DISPLAY, project.midtermDate() + " 09:00");
            execution.setVariable(EXTENSION_INFO, "未申请延期（可在验收期限前申请一次）");
            setAcceptanceDeadline(execution, projects, project);
        };
    }

    /** Before the mid-term panel is called: its round, and at a re-check the previous findings and the rectification. */
    @Bean
    ExecutionListener openMidtermRound() {
        return execution -> {
            Variables vars = of(execution);
            int round = vars.midtermRound() + 1;
            execution.setVariable(MIDTERM_ROUND, round);
            execution.setVariable(RECHECK_INFO, ProjectPanels.recheckInfo(round, vars.panelFindings(),
                    vars.rectificationReport()));
        };
    }

    /** After the mid-term panel has concluded (not when it is cancelled): the project's status after the verdict. */
    @Bean
    ExecutionListener concludeMidterm(ProjectPanels panels) {
        return execution -> {
            if (!execution.isCanceled()) {
                panels.concludeMidterm(projectId(execution), of(execution).midtermVerdict());
            }
        };
    }

    /**
     * What the project reports as spent of the city's money: the basis of a recovery if it is terminated. An
     * extension request reports nothing.
     */
    @Bean
    TaskListener recordSpending(ProjectService projects) {
        return task -> {
            Variables vars = of(task);
            if (vars.extensionAsked()) {
                return;
            }
            vars.spent().ifPresent(spent -> {
                projects.recordSpent(projectId(task), spent);
                task.getExecution().setVariable(SPENT_DISPLAY, Wan.formatExact(spent));
            });
        };
    }

    /** One extension per project; an approved one moves the acceptance deadline. */
    @Bean
    JavaDelegate recordExtension(ProjectService projects) {
        return execution -> {
            execution.setVariable(EXTENSION_REQUESTED, true);
            Variables vars = of(execution);
            int months = vars.extensionMonths();
            if (vars.extensionApproved()) {
                setAcceptanceDeadline(execution, projects, projects.extend(projectId(execution), months));
                execution.setVariable(EXTENSION_INFO, "已批准延期" + months + "个月（每个项目只能延期一次）");
            } else {
                execution.setVariable(EXTENSION_INFO, "延期申请未获同意："
                        + vars.extensionComment() + "（每个项目只能申请一次）");
            }
        };
    }

    @Bean
    JavaDelegate completeProject(ProjectService projects) {
        return execution -> projects.complete(projectId(execution));
    }

    @Bean
    JavaDelegate terminateProject(ProjectService projects) {
        return execution -> projects.changeStatus(projectId(execution), Project.TERMINATED);
    }

    private static void setAcceptanceDeadline(DelegateExecution execution, ProjectService projects, Project project) {
        execution.setVariable(ACCEPTANCE_DUE_AT, projects.acceptanceDueAt(project));
        execution.setVariable(ACCEPTANCE_DUE_DATE, projects.acceptanceDueDate(project));
        execution.setVariable(END_DATE, project.endDate().toString());
    }
}
