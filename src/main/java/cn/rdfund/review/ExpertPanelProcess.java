package cn.rdfund.review;

import cn.rdfund.review.ProjectAssessments.Panel;
import cn.rdfund.system.tasks.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names shared by bpmn/review/ExpertPanel.bpmn, the models that call it and the code that drives or tests it. A
 * caller passes what its panel is ({@code camunda:in}: the stage, round, project and team, whose exclusions apply),
 * how it looks to the experts (task name, form and the variables the form shows), its deadline and its verdict rules;
 * it gets back the verdict and the findings ({@code camunda:out}) and, when the deadline passes, the escalation
 * {@value #OVERDUE_ESCALATION}.
 */
public final class ExpertPanelProcess {

    public static final String KEY = "ExpertPanel";

    public static final String DRAW = "ServiceTask_DrawExperts";
    public static final String TASK_ASSESS = "Task_AssessAsExpert";
    public static final String ASSESSMENT_OVERDUE = "BoundaryEvent_AssessmentOverdue";
    public static final String CONCLUDE = "ServiceTask_ConcludePanel";
    public static final String OVERDUE_ESCALATION = "panelOverdue";

    public static final String PROJECT_ID = "projectId";
    /** One team of a 揭榜挂帅 (0 or absent: the project's own panel). */
    public static final String TEAM_ID = "teamId";
    /** {@link ProjectAssessment#MIDTERM}, {@link ProjectAssessment#ACCEPTANCE}, ... */
    public static final String STAGE = "panelStage";
    public static final String ROUND = "panelRound";
    /** Whose review's exclusions the draw applies: an application's, or else one organization's in a call. */
    public static final String APPLICATION_ID = "applicationId";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String CALL_ID = "callId";
    public static final String TASK_NAME = "panelTaskName";
    public static final String FORM = "panelForm";
    /** An ISO 8601 duration, e.g. P14D. */
    public static final String DEADLINE = "panelDeadline";
    /** The verdicts an expert may choose, comma-separated names of {@link PanelVerdict}. */
    public static final String ALLOWED_VERDICTS = "allowedVerdicts";
    /** What an expert is told when no allowed verdict was chosen. */
    public static final String VERDICT_PROMPT = "verdictPrompt";
    /** Whether the panel may conclude 整改; if not, a median RECTIFY counts as FAIL ({@link PanelVerdict#atRecheck}). */
    public static final String RECTIFY_ALLOWED = "rectifyAllowed";
    public static final String PROJECT_CODE = "projectCode";
    public static final String TITLE = "title";
    public static final String TEAM_NAME = "teamName";

    public static final String VERDICT = "verdict";
    public static final String ASSESSMENT_COMMENT = "assessmentComment";

    public static final String PANEL_VERDICT = "panelVerdict";
    public static final String PANEL_FINDINGS = "panelFindings";

    /**
     * The experts of the panel an instance runs, read from the database by its multi-instance task
     * ({@code ${panelMembers.of(execution)}}, bean defined in ExpertPanelDelegates), so that no process variable lists
     * who else sits on it.
     */
    public interface Members {
        List<String> of(DelegateExecution execution);
    }

    /** The variables of an ExpertPanel instance (or one of its tasks), typed, as the steps read them. */
    static Variables of(VariableScope scope) {
        return new Variables(scope);
    }

    /**
     * What the steps read from an instance: each variable named once, with its type and what an absent one means (an
     * id the caller did not pass is 0).
     */
    static final class Variables extends ProcessVariables {

        private Variables(VariableScope scope) {
            super(scope);
        }

        /** Which panel the instance runs. */
        Panel panel() {
            return new Panel(longOr(PROJECT_ID, 0), longOr(TEAM_ID, 0), (String) value(STAGE), intOr(ROUND, 0));
        }

        boolean rectifyAllowed() {
            return Boolean.TRUE.equals(value(RECTIFY_ALLOWED));
        }

        long applicationId() {
            return longOr(APPLICATION_ID, 0);
        }

        long organizationId() {
            return longOr(ORGANIZATION_ID, 0);
        }

        long callId() {
            return longOr(CALL_ID, 0);
        }

        /** An expert's verdict as submitted (checked on completion against the allowed ones). */
        PanelVerdict verdict() {
            return PanelVerdict.parse(text(VERDICT));
        }

        String assessmentComment() {
            return text(ASSESSMENT_COMMENT);
        }

        /** The caller's name for the experts' task; null when it gave none. */
        String taskName() {
            return string(TASK_NAME);
        }

        String projectCode() {
            return string(PROJECT_CODE);
        }

        String title() {
            return string(TITLE);
        }

        String teamName() {
            return string(TEAM_NAME);
        }

    }

    private ExpertPanelProcess() {
    }
}
