package cn.rdfund.execution;

import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What ProjectExecution does around its expert panels (the called ExpertPanel): the round of the mid-term check with
 * what a re-check must know, the application whose review exclusions the panel applies, and the project's status
 * after the check's verdict. Public: the call activities' expressions call it; the listeners around the mid-term
 * panel (ProjectDelegates) read the variables and pass them here.
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

    /** What the experts of a mid-term round read: a first check, or a re-check with the last findings and the 整改. */
    static String recheckInfo(int round, Object previousFindings, Object rectificationReport) {
        return round == 1 ? "首次检查"
                : "复查。上一轮检查意见：\n" + previousFindings + "\n\n整改情况：\n"
                        + Objects.toString(rectificationReport, "（整改期满未提交）");
    }

    /** After the mid-term panel: 整改 puts the project into rectification, any other verdict back in progress. */
    void concludeMidterm(long projectId, Object verdict) {
        projects.changeStatus(projectId, ProjectExecutionProcess.RECTIFY.equals(verdict) ? Project.RECTIFYING : Project.IN_PROGRESS);
    }
}
