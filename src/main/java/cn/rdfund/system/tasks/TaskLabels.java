package cn.rdfund.system.tasks;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shared by every model whose tasks concern one case (a project, a claim, a challenge's support): names each task
 * after the case (e.g. 拨付审批 · XM2026-000123 新型缓释制剂研发), so task lists tell cases apart.
 */
@Configuration
class TaskLabels {

    /** The variables the label reads; every caller sets them under these names. */
    private static final String CASE_CODE = "projectCode";
    private static final String CASE_TITLE = "title";

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
}
