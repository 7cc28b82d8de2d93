package cn.rdfund.review;

import static cn.rdfund.review.ExpertPanelProcess.*;

import cn.rdfund.review.ExpertPanelProcess.Variables;
import cn.rdfund.review.ProjectAssessments.Panel;
import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of bpmn/review/ExpertPanel.bpmn: draw, each expert's opinion, the verdict. */
@Configuration
class ExpertPanelDelegates {

    /** 评议意见 as long as the other texts an expert writes. */
    static final int MAX_COMMENT = 2000;

    @Bean
    Members panelMembers(ProjectAssessments assessments) {
        return execution -> assessments.panel(ExpertPanelProcess.of(execution).panel());
    }

    /** A panel on an application's proposal avoids that application's review exclusions; else the organization's. */
    @Bean
    JavaDelegate drawExpertPanel(ProjectAssessments assessments, ReviewService reviews) {
        return execution -> {
            Variables vars = ExpertPanelProcess.of(execution);
            long applicationId = vars.applicationId();
            assessments.draw(vars.panel(), applicationId != 0 ? reviews.contextOfApplication(applicationId)
                    : reviews.contextOfOrganization(vars.organizationId(), vars.callId()));
        };
    }

    /** The panel's median verdict (a RECTIFY counts as FAIL where the caller allows no rectification) and findings. */
    @Bean
    JavaDelegate concludeExpertPanel(ProjectAssessments assessments) {
        return execution -> {
            Variables vars = ExpertPanelProcess.of(execution);
            Panel panel = vars.panel();
            PanelVerdict verdict = assessments.verdict(panel);
            execution.setVariable(PANEL_VERDICT, (vars.rectifyAllowed() ? verdict : verdict.atRecheck()).name());
            execution.setVariable(PANEL_FINDINGS, assessments.findings(panel));
        };
    }

    /** Records an expert's opinion as the task completes; the expert is the task's assignee, not a variable. */
    @Bean
    TaskListener recordPanelOpinion(ProjectAssessments assessments) {
        return task -> {
            Variables vars = ExpertPanelProcess.of(task);
            assessments.record(vars.panel(), task.getAssignee(), vars.verdict(), vars.assessmentComment());
        };
    }

    /** The caller's name for the task, with the project (code and title) and the team it is about. */
    @Bean
    TaskListener labelPanelTask() {
        return task -> {
            Variables vars = ExpertPanelProcess.of(task);
            StringBuilder name = new StringBuilder(Objects.toString(vars.taskName(), task.getName()));
            String code = vars.projectCode();
            String title = vars.title();
            String team = vars.teamName();
            if (code != null) {
                name.append(" · ").append(code).append(title == null ? "" : " " + title);
            }
            if (team != null) {
                name.append(" · ").append(team);
            }
            task.setName(name.toString());
        };
    }

    /** One of the verdicts the caller allows, and a comment. */
    @Bean
    TaskCompletionRule panelOpinionRule() {
        return TaskCompletionRule.of(KEY, TASK_ASSESS, completion -> {
            List<String> problems = new ArrayList<>();
            Object allowed = completion.get(ALLOWED_VERDICTS);
            String verdict = FormValues.text(completion.get(VERDICT));
            if (verdict == null || allowed == null
                    || Arrays.stream(allowed.toString().split(",")).map(String::trim).noneMatch(verdict::equals)) {
                problems.add(Objects.toString(completion.get(VERDICT_PROMPT), "请选择评议意见"));
            }
            problems.addAll(CompletionChecks.requiredText(completion, ASSESSMENT_COMMENT, "请填写评议意见", MAX_COMMENT));
            return problems;
        });
    }
}
