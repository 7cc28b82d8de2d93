package cn.rdfund.application;

import cn.rdfund.system.tasks.FormValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an application says about the project, for the formal check and the experts: a summary with the
 * technical approach, the team, the work plan with its milestones, and the indicators it promises.
 */
public record ApplicationContent(String projectSummary, String team, String workPlan, String promisedIndicators) {

    public static final String PROJECT_SUMMARY = "projectSummary";
    public static final String TEAM = "teamDescription";
    public static final String WORK_PLAN = "workPlan";
    public static final String PROMISED_INDICATORS = "promisedIndicators";
    static final int MAX_LENGTH = 2000;

    public static ApplicationContent from(Map<String, Object> variables) {
        return new ApplicationContent(FormValues.text(variables.get(PROJECT_SUMMARY)), FormValues.text(variables.get(TEAM)),
                FormValues.text(variables.get(WORK_PLAN)), FormValues.text(variables.get(PROMISED_INDICATORS)));
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(projectSummary, "项目简介与技术路线", problems);
        check(team, "项目负责人与团队", problems);
        check(workPlan, "实施计划与进度安排", problems);
        check(promisedIndicators, "预期考核指标", problems);
        return problems;
    }

    private static void check(String text, String label, List<String> problems) {
        if (text == null || text.isEmpty()) {
            problems.add("请填写" + label);
        } else if (text.length() > MAX_LENGTH) {
            problems.add(label + "不超过" + MAX_LENGTH + "字");
        }
    }
}
