package cn.rdfund.review;

import static cn.rdfund.project.ProjectExecutionProcess.*;

import cn.rdfund.project.PanelVerdict;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The expert steps of bpmn/project/ProjectExecution.bpmn: panels at the mid-term check and at acceptance. */
@Configuration
class ProjectAssessmentDelegates {

    static final int ACCEPTANCE_ROUND = 1;

    @Bean
    JavaDelegate drawMidtermPanel(ProjectAssessments assessments) {
        return execution -> {
            int round = midtermRound(execution) + 1;
            execution.setVariable(MIDTERM_ROUND, round);
            execution.setVariable(RECHECK_INFO, round == 1 ? "首次检查"
                    : "复查。上一轮检查意见：\n" + execution.getVariable(FINDINGS) + "\n\n整改情况：\n"
                            + Objects.toString(execution.getVariable(RECTIFICATION_REPORT), "（整改期满未提交）"));
            assessments.draw(projectId(execution), ProjectAssessment.MIDTERM, round);
        };
    }

    /** The panel's median verdict; at the re-check after a rectification, a second 整改 counts as 不通过. */
    @Bean
    JavaDelegate concludeMidterm(ProjectAssessments assessments, ProjectService projects) {
        return execution -> {
            int round = midtermRound(execution);
            PanelVerdict verdict = assessments.verdict(projectId(execution), ProjectAssessment.MIDTERM, round);
            if (round > 1) {
                verdict = verdict.atRecheck();
            }
            execution.setVariable(MIDTERM_VERDICT, verdict.name());
            execution.setVariable(FINDINGS, assessments.findings(projectId(execution), ProjectAssessment.MIDTERM, round));
            projects.changeStatus(projectId(execution), verdict == PanelVerdict.RECTIFY ? Project.RECTIFYING
                    : Project.IN_PROGRESS);
        };
    }

    @Bean
    JavaDelegate drawAcceptancePanel(ProjectAssessments assessments) {
        return execution -> assessments.draw(projectId(execution), ProjectAssessment.ACCEPTANCE, ACCEPTANCE_ROUND);
    }

    /** Acceptance has no rectification: the panel passes or fails the project. */
    @Bean
    JavaDelegate concludeAcceptance(ProjectAssessments assessments) {
        return execution -> {
            PanelVerdict verdict = assessments.verdict(projectId(execution), ProjectAssessment.ACCEPTANCE, ACCEPTANCE_ROUND)
                    .atRecheck();
            execution.setVariable(ACCEPTANCE_VERDICT, verdict.name());
            execution.setVariable(FINDINGS,
                    assessments.findings(projectId(execution), ProjectAssessment.ACCEPTANCE, ACCEPTANCE_ROUND));
        };
    }

    /** Records an expert's opinion as the task completes; the expert is the task's assignee, not a variable. */
    @Bean
    TaskListener recordAssessment(ProjectAssessments assessments) {
        return task -> {
            boolean midterm = TASK_ASSESS_MIDTERM.equals(task.getTaskDefinitionKey());
            assessments.record(projectId(task),
                    midterm ? ProjectAssessment.MIDTERM : ProjectAssessment.ACCEPTANCE,
                    midterm ? midtermRound(task.getExecution()) : ACCEPTANCE_ROUND, task.getAssignee(),
                    PanelVerdict.parse(FormValues.text(task.getVariable(VERDICT))),
                    FormValues.text(task.getVariable(ASSESSMENT_COMMENT)));
        };
    }

    @Bean
    TaskCompletionRule midtermAssessmentRule() {
        return TaskCompletionRule.of(KEY, TASK_ASSESS_MIDTERM, completion -> assessmentProblems(completion,
                Set.of(PanelVerdict.PASS.name(), PanelVerdict.RECTIFY.name(), PanelVerdict.FAIL.name()),
                "请选择检查意见（通过、整改或不通过）"));
    }

    @Bean
    TaskCompletionRule acceptanceAssessmentRule() {
        return TaskCompletionRule.of(KEY, TASK_ASSESS_ACCEPTANCE, completion -> assessmentProblems(completion,
                Set.of(PanelVerdict.PASS.name(), PanelVerdict.FAIL.name()), "请选择验收意见（通过或不通过）"));
    }

    private static List<String> assessmentProblems(TaskCompletion completion, Set<String> allowed, String missing) {
        List<String> problems = new ArrayList<>();
        String verdict = FormValues.text(completion.get(VERDICT));
        if (verdict == null || !allowed.contains(verdict)) {
            problems.add(missing);
        }
        problems.addAll(CompletionChecks.requiredText(completion, ASSESSMENT_COMMENT, "请填写评议意见", 2000));
        return problems;
    }

    static int midtermRound(DelegateExecution execution) {
        Object round = execution.getVariable(MIDTERM_ROUND);
        return round instanceof Number n ? n.intValue() : 0;
    }
}
