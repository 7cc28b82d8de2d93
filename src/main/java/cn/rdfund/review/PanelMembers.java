package cn.rdfund.review;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The experts of the panel an ExpertPanel instance runs, read from the database by its multi-instance task
 * ({@code ${panelMembers.of(execution)}}), so that no process variable lists who else sits on it. Public: expressions
 * call it.
 */
@Component("panelMembers")
public class PanelMembers {

    private final ProjectAssessments assessments;

    PanelMembers(ProjectAssessments assessments) {
        this.assessments = assessments;
    }

    public List<String> of(DelegateExecution execution) {
        return assessments.panel(ExpertPanelProcess.panelOf(execution));
    }
}
