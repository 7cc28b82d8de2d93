package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.call.TechnologyArea;
import cn.rdfund.money.WanInput;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side checks of the user tasks of Challenge.bpmn (the milestone's are in {@link MilestoneRules}). */
@Configuration
class ChallengeRules {

    static final int MAX_TEXT = 2000;

    @Bean
    TaskCompletionRule registerDemandRule(Clock clock, OrganizationMembers members,
            @Value("${rdfund.challenge.max-parallel-teams:3}") int maxTeams) {
        return rule(TASK_REGISTER, completion -> {
            List<String> problems = new ArrayList<>();
            if (members.organizationOf(completion.startedBy()).isEmpty()) {
                problems.add("发榜账号未关联已登记的单位，请先登记单位信息");
            }
            problems.addAll(ChallengeForms.demand(completion.variables()).problems(LocalDate.now(clock), maxTeams));
            List<String> areas = FormValues.texts(completion.get(AREAS));
            if (areas.isEmpty()) {
                problems.add("请选择至少一个技术领域（按领域抽取论证和评审专家）");
            } else if (!TechnologyArea.displayNames().containsAll(areas)) {
                problems.add("技术领域不在目录中: " + areas.stream().filter(a -> !TechnologyArea.displayNames().contains(a)).toList());
            }
            return problems;
        });
    }

    @Bean
    TaskCompletionRule checkDemandRule() {
        return rule(TASK_CHECK, completion -> CompletionChecks.decisionWithReason(completion, CHECK_DECISION, CHECK_COMMENT,
                PASS, REJECT, "请选择审查结论（通过并组织论证，或驳回）", "驳回时请写明理由"));
    }

    /** 发榜: the window's last day, and the indicators and amount as published (again measurable and positive). */
    @Bean
    TaskCompletionRule publishChallengeRule(Clock clock) {
        return rule(TASK_PUBLISH, completion -> {
            List<String> problems = new ArrayList<>();
            ChallengeForms.Publication publication = ChallengeForms.publication(completion.variables());
            LocalDate today = LocalDate.now(clock);
            if (publication.closesOn() == null || publication.closesOn().isBefore(today)) {
                problems.add("请填写揭榜截止日期（不早于今天）");
            }
            ChallengeDemand revised = new ChallengeDemand("榜单", "难题", publication.indicators(), today.plusDays(1),
                    publication.committed(), 1);
            problems.addAll(revised.problems(today, 1));
            return problems;
        });
    }

    /** The 发榜方 may cancel; only the program manager may close the window early (no team is shut out by the 发榜方). */
    @Bean
    TaskCompletionRule challengeWindowRule() {
        return rule(TASK_WINDOW, completion -> {
            List<String> problems = CompletionChecks.decisionWithReason(completion, WINDOW_ACTION, CANCEL_REASON,
                    CLOSE, CANCEL, "请选择：提前截止揭榜，或取消榜单", "取消榜单时请写明原因");
            boolean owner = completion.completedBy() != null && completion.completedBy().equals(completion.startedBy());
            Object action = completion.get(WINDOW_ACTION);
            if (CLOSE.equals(action) && owner) {
                problems.add("发榜方不能提前截止揭榜（由市科技局项目经理决定）；揭榜期满自动截止");
            }
            if (CANCEL.equals(action) && !owner) {
                problems.add("只有发榜方可以取消榜单");
            }
            return problems;
        });
    }

    @Bean
    TaskCompletionRule republishRule() {
        return rule(TASK_REPUBLISH, completion -> {
            List<String> problems = CompletionChecks.decisionWithReason(completion, REPUBLISH_DECISION, REPUBLISH_NOTE,
                    REPUBLISH, END, "请选择：重新发榜，或流标结束", "流标结束时请写明说明");
            Object round = completion.get(PUBLISH_ROUND);
            if (REPUBLISH.equals(completion.get(REPUBLISH_DECISION)) && round instanceof Number n
                    && n.intValue() >= MAX_PUBLISH_ROUNDS) {
                problems.add("流标后只能重新发榜一次");
            }
            return problems;
        });
    }

    /** 定标: one team, or up to the agreed number for 赛马制, from the qualified applications; or cancel with a reason. */
    @Bean
    TaskCompletionRule selectSolversRule(ChallengeService challenges, ChallengeTeams teams) {
        return rule(TASK_SELECT, completion -> {
            String action = FormValues.text(completion.get(SELECTION_ACTION));
            if (CANCEL.equals(action)) {
                return CompletionChecks.decisionWithReason(completion, SELECTION_ACTION, CANCEL_REASON, SELECT, CANCEL,
                        "", "取消榜单时请写明原因");
            }
            List<String> problems = new ArrayList<>();
            if (!SELECT.equals(action)) {
                problems.add("请选择：定标，或取消榜单");
                return problems;
            }
            Challenge challenge = challenges.ofProcess(completion.processInstanceId());
            Set<String> qualified = Set.copyOf(teams.qualified(challenge).stream()
                    .map(q -> String.valueOf(q.applicationId())).toList());
            List<String> selected = FormValues.texts(completion.get(SELECTED_APPLICATIONS));
            if (selected.isEmpty() || selected.size() > challenge.parallelTeams()) {
                problems.add(challenge.horseRace() ? "赛马制榜单请选择1到" + challenge.parallelTeams() + "个揭榜团队"
                        : "请选择1个揭榜团队");
            }
            if (!qualified.containsAll(selected)) {
                problems.add("只能从通过形式审查和专家评审的揭榜申请中选择");
            }
            problems.addAll(text(completion, OWNER_ASSESSMENT, "请填写发榜方对揭榜方案的评估意见"));
            return problems;
        });
    }

    @Bean
    TaskCompletionRule draftContractRule(ChallengeService challenges, ChallengeTeams teams, Clock clock) {
        return rule(TASK_DRAFT_CONTRACT, completion -> {
            Challenge challenge = challenges.ofProcess(completion.processInstanceId());
            List<String> problems = new ArrayList<>(ContractTerms.parse(FormValues.text(completion.get(CONTRACT_MILESTONES)),
                    FormValues.text(completion.get(CONTRACT_PAYMENTS)), challenge.solveBy(), challenge.committedAmount(),
                    LocalDate.now(clock)).problems());
            problems.addAll(text(completion, CONTRACT_INDICATORS, "请填写合同考核指标"));
            return problems;
        });
    }

    @Bean
    TaskCompletionRule acceptContractRule() {
        return rule(TASK_ACCEPT_CONTRACT, completion -> CompletionChecks.decisionWithReason(completion, CONTRACT_ACCEPTANCE,
                SOLVER_COMMENT, AGREE, OBJECT, "请选择：同意签订，或提出修改意见", "提出修改时请写明意见"));
    }

    @Bean
    TaskCompletionRule countersignRule() {
        return rule(TASK_COUNTERSIGN, completion -> CompletionChecks.decisionWithReason(completion, COUNTERSIGN_DECISION,
                COUNTERSIGN_COMMENT, APPROVE, RETURN, "请选择会签意见（同意或退回修改）", "退回修改时请写明意见"));
    }

    @Bean
    TaskCompletionRule submitChallengeAcceptanceRule() {
        return rule(TASK_SUBMIT_ACCEPTANCE, completion -> {
            List<String> problems = new ArrayList<>(text(completion, FINAL_REPORT, "请填写攻关总结报告"));
            problems.addAll(text(completion, ACHIEVED_INDICATORS, "请逐项填写技术指标完成情况"));
            return problems;
        });
    }

    @Bean
    TaskCompletionRule signOffRule() {
        return rule(TASK_SIGN_OFF, completion -> CompletionChecks.decisionWithReason(completion, SIGN_OFF_DECISION,
                SIGN_OFF_OPINION, SIGN, REFUSE, "请选择签认意见（签认或不予签认）", "不予签认时请写明理由"));
    }

    static List<String> text(TaskCompletion completion, String field, String missing) {
        return CompletionChecks.requiredText(completion, field, missing, MAX_TEXT);
    }

    static BigDecimal amount(TaskCompletion completion, String field) {
        return WanInput.toYuan(FormValues.text(completion.get(field))).orElse(null);
    }

    private static TaskCompletionRule rule(String taskKey, Function<TaskCompletion, List<String>> check) {
        return TaskCompletionRule.of(KEY, taskKey, check);
    }
}
