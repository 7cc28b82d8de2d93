package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;

import cn.rdfund.money.WanInput;
import cn.rdfund.policy.ClaimFields.Fact;
import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the server checks before each task of the claim process completes, whatever the browser allowed. */
@Configuration
class ClaimRules {

    private static final int COMMENT_MAX = 2000;
    private static final int REF_MAX = 100;

    static String outsideEveryWindow(ClaimSubmission submission) {
        return "参照日期" + submission.facts().referenceDate() + "不在措施" + submission.measure()
                + "任何政策版本的有效期内，不予受理（现行版本的有效期见“政策措施”清单）";
    }

    @Bean
    TaskCompletionRule claimSubmitted(ClaimService claims, MeasureCatalogue catalogue, TraineeRosters rosters,
            ClaimSubjects subjects, AwardLists awardLists, Clock clock) {
        return TaskCompletionRule.of(KEY, TASK_SUBMIT, completion -> {
            if (ClaimForm.withdrawn(completion.variables())) {
                return List.of();
            }
            ClaimForm.Parsed parsed = ClaimForm.parse(completion.variables(), LocalDate.now(clock),
                    catalogue::claimFields);
            if (!parsed.problems().isEmpty()) {
                return parsed.problems();
            }
            ClaimSubmission submission = parsed.submission();
            List<String> departures = awardLists.departuresFromTheList(completion.processInstanceId(), submission);
            if (!departures.isEmpty()) {
                return departures;
            }
            if (catalogue.claimFields(submission.measure(), submission.facts().referenceDate()).has(Fact.ROSTER)) {
                TraineeRosters.Checked roster = rosters.check(completion.processInstanceId(), completion.startedBy(),
                        submission);
                if (!roster.problems().isEmpty()) {
                    return roster.problems();
                }
                submission = submission.withRoster(roster.counted());
            }
            List<String> claimedElsewhere = subjects.claimedElsewhere(completion.processInstanceId(),
                    completion.startedBy(), submission);
            if (!claimedElsewhere.isEmpty()) {
                return claimedElsewhere;
            }
            return claims.refusals(completion.processInstanceId(), completion.startedBy(), submission);
        });
    }

    @Bean
    TaskCompletionRule claimChecked() {
        return TaskCompletionRule.of(KEY, TASK_CHECK, completion -> {
            String decision = FormValues.text(completion.get(CHECK_DECISION));
            if (!List.of(PASS, CORRECT, REJECT).contains(decision)) {
                return List.of("请选择审查结论：通过、退回补正或不予受理");
            }
            return PASS.equals(decision) ? optionalText(completion, CHECK_COMMENT, "审查意见")
                    : CompletionChecks.requiredText(completion, CHECK_COMMENT, "请填写退回补正或不予受理的理由", COMMENT_MAX);
        });
    }

    @Bean
    TaskCompletionRule coUnitConsulted() {
        return TaskCompletionRule.of(KEY, TASK_CONSULT, completion ->
                CompletionChecks.requiredText(completion, CONSULT_OPINION, "请填写配合单位意见", COMMENT_MAX));
    }

    @Bean
    TaskCompletionRule committeeDecided() {
        return TaskCompletionRule.of(KEY, TASK_COMMITTEE, completion -> {
            List<String> problems = new ArrayList<>();
            String decision = FormValues.text(completion.get(COMMITTEE_DECISION));
            if (!SUPPORT.equals(decision) && !DECLINE.equals(decision)) {
                problems.add("请选择联席会议结论：支持或不予支持");
            }
            problems.addAll(CompletionChecks.requiredText(completion, COMMITTEE_REF, "请填写会议纪要编号", REF_MAX));
            problems.addAll(CompletionChecks.requiredText(completion, COMMITTEE_RATIONALE, "请填写一事一议的理由", COMMENT_MAX));
            if (SUPPORT.equals(decision)) {
                Optional<java.math.BigDecimal> amount = WanInput.toYuan(FormValues.text(completion.get(COMMITTEE_AMOUNT_WAN)));
                if (amount.isEmpty() || amount.get().signum() <= 0) {
                    problems.add("请填写会议确定的支持金额（万元，大于0）");
                }
            }
            return problems;
        });
    }

    /** Who checked the claim or recorded a committee's amount may not approve it: the model's fourEyes property. */
    @Bean
    TaskCompletionRule claimApproved() {
        return TaskCompletionRule.of(KEY, TASK_APPROVE, completion -> {
            List<String> problems = CompletionChecks.decisionWithReason(completion, APPROVAL_DECISION,
                    APPROVAL_COMMENT, APPROVE, REFUSE, "请选择审批结论：同意或不同意", "不同意时请填写理由");
            problems.addAll(optionalText(completion, APPROVAL_COMMENT, "审批意见"));
            return problems;
        });
    }

    @Bean
    TaskCompletionRule noticeConcluded() {
        return TaskCompletionRule.of(KEY, TASK_CONCLUDE_NOTICE, completion -> {
            List<String> problems = CompletionChecks.decisionWithReason(completion, NOTICE_RESULT, NOTICE_COMMENT,
                    NO_OBJECTION, OBJECTION_UPHELD, "请选择公示结果：无异议或异议成立", "异议成立时请填写异议内容及核实情况");
            problems.addAll(optionalText(completion, NOTICE_COMMENT, "异议内容及核实情况"));
            return problems;
        });
    }

    private static List<String> optionalText(TaskCompletion completion, String field, String name) {
        String text = FormValues.text(completion.get(field));
        return text != null && text.length() > COMMENT_MAX ? List.of(name + "不超过" + COMMENT_MAX + "字") : List.of();
    }
}
