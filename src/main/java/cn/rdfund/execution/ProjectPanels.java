package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;

import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What ProjectExecution does around its expert panels (the called ExpertPanel): the round of the mid-term check with
 * what a re-check must know, the application whose review exclusions the panel applies, and the project's status
 * after the check's verdict. Public: the call activities' expressions call it.
 */
@Component("projectPanels")
public class ProjectPanels {

    private final ProjectService projects;

    ProjectPanels(ProjectService projects) {
        this.projects = projects;
    }

    /** The project's application, handed to the panel as a value (review does not read projects). */
    public long applicationOf(long projectId) {
        return projects.applicationOf(projectId);
    }

    /** Before the mid-term panel is called: its round, and at a re-check the previous findings and the rectification. */
    @Bean
    ExecutionListener openMidtermRound() {
        return execution -> {
            int round = midtermRound(execution) + 1;
            execution.setVariable(MIDTERM_ROUND, round);
            execution.setVariable(RECHECK_INFO, round == 1 ? "首次检查"
                    : "复查。上一轮检查意见：\n" + execution.getVariable(FINDINGS) + "\n\n整改情况：\n"
                            + Objects.toString(execution.getVariable(RECTIFICATION_REPORT), "（整改期满未提交）"));
        };
    }

    /** After the mid-term panel: 整改 puts the project into rectification, any other verdict back in progress. */
    @Bean
    ExecutionListener concludeMidterm() {
        return execution -> {
            if (execution.isCanceled()) {
                return;
            }
            projects.changeStatus(projectId(execution), RECTIFY.equals(execution.getVariable(MIDTERM_VERDICT))
                    ? Project.RECTIFYING : Project.IN_PROGRESS);
        };
    }

    private static int midtermRound(DelegateExecution execution) {
        return execution.getVariable(MIDTERM_ROUND) instanceof Number n ? n.intValue() : 0;
    }
}
