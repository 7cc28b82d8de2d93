package cn.rdfund.application;

import static cn.rdfund.application.FundingApplicationProcess.CHECK_COMMENT;
import static cn.rdfund.application.FundingApplicationProcess.CHECK_DECISION;
import static cn.rdfund.application.FundingApplicationProcess.CORRECT;
import static cn.rdfund.application.FundingApplicationProcess.PASS;
import static cn.rdfund.application.FundingApplicationProcess.REJECT_DECISION;

import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side checks of the application process's user tasks. */
@Configuration
class ApplicationRules {

    /** 填写申报书 and 补正材料: the draft must be eligible (see {@link Eligibility}). */
    @Bean
    TaskCompletionRule fillApplicationRule(ApplicationService applications) {
        return rule(FundingApplicationProcess.TASK_FILL, completion -> withContent(completion, applications.problems(
                ApplicationDraft.from(completion.variables()), completion.startedBy())));
    }

    @Bean
    TaskCompletionRule correctApplicationRule(ApplicationService applications) {
        return rule(FundingApplicationProcess.TASK_CORRECT, completion -> withContent(completion,
                applications.correctionProblems(ApplicationDraft.from(completion.variables()), completion.startedBy(),
                        completion.processInstanceId())));
    }

    /** 形式审查: a decision, and the reason whenever the application does not simply pass. */
    @Bean
    TaskCompletionRule formalCheckRule() {
        return rule(FundingApplicationProcess.TASK_FORMAL_CHECK, completion -> {
            List<String> problems = new ArrayList<>();
            String decision = FormValues.text(completion.get(CHECK_DECISION));
            if (!List.of(PASS, CORRECT, REJECT_DECISION).contains(String.valueOf(decision))) {
                problems.add("请选择审查结论（通过、补正或不予受理）");
            }
            String comment = FormValues.text(completion.get(CHECK_COMMENT));
            if ((CORRECT.equals(decision) || REJECT_DECISION.equals(decision)) && (comment == null || comment.isEmpty())) {
                problems.add(CORRECT.equals(decision) ? "要求补正时请写明需补正的内容" : "不予受理时请写明理由");
            }
            return problems;
        });
    }

    private static List<String> withContent(TaskCompletion completion, List<String> eligibilityProblems) {
        List<String> problems = new ArrayList<>(eligibilityProblems);
        problems.addAll(ApplicationContent.from(completion.variables()).problems());
        return problems;
    }

    private static TaskCompletionRule rule(String taskKey, Function<TaskCompletion, List<String>> check) {
        return TaskCompletionRule.of(FundingApplicationProcess.KEY, taskKey, check);
    }
}
