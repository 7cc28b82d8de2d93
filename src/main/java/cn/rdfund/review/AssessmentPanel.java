package cn.rdfund.review;

import cn.rdfund.project.ProjectExecutionProcess;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The experts of a project's current panel, read from the database by the multi-instance tasks
 * ({@code ${assessmentPanel.midterm(execution)}}), so that no process variable lists who else sits on it.
 * Public: expressions call it.
 */
@Component("assessmentPanel")
public class AssessmentPanel {

    private final ProjectAssessments assessments;

    AssessmentPanel(ProjectAssessments assessments) {
        this.assessments = assessments;
    }

    public List<String> midterm(DelegateExecution execution) {
        return assessments.panel(ProjectExecutionProcess.projectId(execution), ProjectAssessment.MIDTERM,
                ProjectAssessmentDelegates.midtermRound(execution));
    }

    public List<String> acceptance(DelegateExecution execution) {
        return assessments.panel(ProjectExecutionProcess.projectId(execution), ProjectAssessment.ACCEPTANCE,
                ProjectAssessmentDelegates.ACCEPTANCE_ROUND);
    }
}
