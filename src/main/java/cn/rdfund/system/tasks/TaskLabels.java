package cn.rdfund.system.tasks;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shared by every model whose tasks concern one case: names each task after the case when it is created, so that task
 * lists and form headers tell cases apart — a project, a claim or a challenge's support by its code and title
 * (拨付审批 · XM2026-000123 新型缓释制剂研发), a call by its code once published and its title (公示 · ZN2026-0A1B2C3D
 * 生物医药指南), an application and its reviews by its code once submitted, the project's title and the applicant
 * (评审打分 · SB2026-000012 新型缓释制剂研发（沈阳浑南创新药业）).
 */
@Configuration
class TaskLabels {

    /** The variables the label reads; every caller sets them under these names. */
    private static final String CASE_CODE = "projectCode";
    private static final String CASE_TITLE = "title";
    private static final String CALL_CODE = "callCode";
    private static final String APPLICANT = "applicantName";

    @Bean
    TaskListener labelTaskWithProject() {
        return task -> {
            Object code = task.getVariable(CASE_CODE);
            Object title = task.getVariable(CASE_TITLE);
            if (code != null) {
                task.setName(task.getName() + " · " + code + (title == null ? "" : " " + title));
            }
        };
    }

    /**
     * For calls, applications and their reviews: whichever of the code (the call's; an application's 申报编号, its
     * business key once submitted), the title and the applicant is known.
     */
    @Bean
    TaskListener labelTaskWithCase() {
        return task -> {
            Object title = task.getVariable(CASE_TITLE);
            if (title == null) {
                return; // a first draft: nothing to name yet
            }
            Object code = task.getVariable(CALL_CODE);
            if (code == null) {
                code = BusinessKeys.caseCode(task.getExecution().getProcessBusinessKey()).orElse(null);
            }
            Object applicant = task.getVariable(APPLICANT);
            task.setName(task.getName() + " · " + (code == null ? "" : code + " ") + title
                    + (applicant == null ? "" : "（" + applicant + "）"));
        };
    }
}
