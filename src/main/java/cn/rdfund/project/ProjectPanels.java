package cn.rdfund.project;

import static cn.rdfund.project.ProjectExecutionProcess.*;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What ProjectExecution does around its expert panels (the called ExpertPanel): the round of the mid-term check with
 * what a re-check must know, and the project's status after the check's verdict.
 */
@Configuration
class ProjectPanels {

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
    ExecutionListener concludeMidterm(ProjectService projects) {
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
