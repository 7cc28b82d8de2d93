package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;
import static cn.rdfund.system.tasks.CompletionChecks.decisionWithReason;

import cn.rdfund.money.WanInput;
import cn.rdfund.project.AgreementTerms;
import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side checks of the project's user tasks (the applicant's reports, the manager's decisions). */
@Configuration
class ProjectRules {

    private static final int LONG_TEXT = 4000;

    private final ProjectTimes times;
    private final Clock clock;

    ProjectRules(ProjectTimes times, Clock clock) {
        this.times = times;
        this.clock = clock;
    }

    /** 填写任务书: at least two milestones in date order, a mid-term date before the last one, the indicators. */
    @Bean
    TaskCompletionRule agreementRule() {
        return rule(TASK_DRAFT_AGREEMENT, this::agreementProblems);
    }

    @Bean
    TaskCompletionRule agreementApprovalRule() {
        return rule(TASK_APPROVE_AGREEMENT, completion -> {
            List<String> problems = decisionWithReason(completion, AGREEMENT_DECISION, AGREEMENT_COMMENT, APPROVE, RETURN,
                    "请选择审核结论（通过或退回修改）", "退回修改时请填写修改意见");
            if (APPROVE.equals(FormValues.text(completion.get(AGREEMENT_DECISION)))) {
                problems.addAll(agreementProblems(completion));
            }
            return problems;
        });
    }

    @Bean
    TaskCompletionRule progressReportRule() {
        return rule(TASK_REPORT_PROGRESS, completion -> report(completion, PROGRESS_REPORT, "请填写中期进展报告"));
    }

    @Bean
    TaskCompletionRule rectificationRule() {
        return rule(TASK_RECTIFY, completion -> report(completion, RECTIFICATION_REPORT, "请填写整改情况报告"));
    }

    /** 提交验收材料: the report, achieved indicators and audit report; or an extension asked once, in time. */
    @Bean
    TaskCompletionRule finalReportRule() {
        return rule(TASK_FINAL_REPORT, completion -> {
            String action = FormValues.text(completion.get(FINAL_REPORT_ACTION));
            if (EXTEND.equals(action)) {
                return extensionProblems(completion);
            }
            if (!SUBMIT.equals(action)) {
                return List.of("请选择提交验收材料或申请延期");
            }
            List<String> problems = report(completion, FINAL_REPORT, "请填写项目总结报告");
            required(completion, ACHIEVED_INDICATORS, "请填写考核指标完成情况", problems);
            required(completion, AUDIT_REPORT_NO, "请填写专项审计报告编号（验收必须附财务审计报告）", problems);
            return problems;
        });
    }

    @Bean
    TaskCompletionRule extensionApprovalRule() {
        return rule(TASK_APPROVE_EXTENSION, completion -> decisionWithReason(completion, EXTENSION_DECISION, EXTENSION_COMMENT,
                APPROVE, REFUSE, "请选择是否同意延期", "不同意延期时请说明理由"));
    }

    @Bean
    TaskCompletionRule escalationRule() {
        return rule(TASK_ESCALATE, completion -> {
            List<String> problems = new ArrayList<>();
            required(completion, ESCALATION_NOTE, "请填写督办情况", problems);
            return problems;
        });
    }

    private List<String> agreementProblems(TaskCompletion completion) {
        List<String> problems = new ArrayList<>();
        LocalDate midterm = null;
        String midtermText = FormValues.text(completion.get(MIDTERM_DATE));
        if (midtermText != null && !midtermText.isEmpty()) {
            try {
                midterm = LocalDate.parse(midtermText.length() > 10 ? midtermText.substring(0, 10) : midtermText);
            } catch (DateTimeParseException e) {
                problems.add("中期检查日期格式应为YYYY-MM-DD");
            }
        }
        AgreementTerms.Parsed terms = AgreementTerms.parse(FormValues.text(completion.get(MILESTONES)), midterm,
                LocalDate.now(clock));
        problems.addAll(problems.isEmpty() ? terms.problems()
                : terms.problems().stream().filter(p -> !p.equals("请填写中期检查日期")).toList());
        required(completion, INDICATORS, "请填写考核指标", problems);
        return problems;
    }

    private List<String> report(TaskCompletion completion, String field, String missing) {
        List<String> problems = new ArrayList<>();
        required(completion, field, missing, problems);
        if (WanInput.toYuan(FormValues.text(completion.get(SPENT_WAN))).isEmpty()) {
            problems.add("请填写已使用的市级财政资金（万元，最多6位小数）");
        }
        return problems;
    }

    private List<String> extensionProblems(TaskCompletion completion) {
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(completion.get(EXTENSION_REQUESTED))) {
            problems.add("延期只能申请一次");
        }
        Integer months = FormValues.integer(completion.get(EXTENSION_MONTHS));
        if (months == null || months < 1 || months > times.getMaxExtensionMonths()) {
            problems.add("延期月数应为1到" + times.getMaxExtensionMonths() + "之间的整数");
        }
        required(completion, EXTENSION_REASON, "请说明延期理由", problems);
        if (completion.get(ACCEPTANCE_DUE_DATE) instanceof Date due && !due.toInstant().isAfter(clock.instant())) {
            problems.add("验收期限（" + LocalDateTime.ofInstant(due.toInstant(), clock.getZone()).toLocalDate()
                    + "）已过，不能再申请延期");
        }
        return problems;
    }

    private static void required(TaskCompletion completion, String field, String missing, List<String> problems) {
        problems.addAll(CompletionChecks.requiredText(completion, field, missing, LONG_TEXT));
    }

    private static TaskCompletionRule rule(String taskKey, Function<TaskCompletion, List<String>> check) {
        return TaskCompletionRule.of(KEY, taskKey, check);
    }
}
