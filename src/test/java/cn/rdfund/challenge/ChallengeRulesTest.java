package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's checks of the challenge's and the milestone's tasks that need nothing read from the database: what the
 * demand must say, who may cancel or close the window, what the manager, the 发榜方, the team and finance must write
 * when they say no. The ones that compare with the challenge, its qualified applications or its committed amount
 * (定标, the contract's payments) and that the checks are applied to a completion run over the whole application
 * (ChallengeProcessTest).
 */
class ChallengeRulesTest {

    private static final String OWNER = "owner1";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final ChallengeRules rules = new ChallengeRules();
    private final MilestoneRules milestones = new MilestoneRules();

    private static List<String> problems(TaskCompletionRule rule, String completedBy, Map<String, Object> variables) {
        return rule.problems(new TaskCompletion(new HashMap<>(variables), completedBy, "1", OWNER));
    }

    @Test
    void refusesADemandWithoutMeasurableIndicatorsOrWithTooManyTeams() {
        Map<String, Object> form = new HashMap<>(Map.of(TITLE, "榜单", CHALLENGE_TEXT, "难题", INDICATORS, "纯度很高",
                SOLVE_BY, TODAY.plusYears(1).toString(), COMMITTED_WAN, "500", PARALLEL_TEAMS, 4));

        assertThat(ChallengeForms.demand(form).problems(TODAY, 3)).containsExactly(
                "第1项技术指标须可量化（写明数值和单位）：纯度很高", "并行支持的揭榜团队数应为1到3（多于1即赛马制）");

        form.put(INDICATORS, "产品纯度≥99.5%");
        form.put(PARALLEL_TEAMS, 3);
        assertThat(ChallengeForms.demand(form).problems(TODAY, 3)).isEmpty();
        assertThat(ChallengeForms.demand(form).committedAmount()).isEqualByComparingTo("5000000.00");
    }

    @Test
    void theManagerRejectsADemandOnlyWithTheReason() {
        assertThat(problems(rules.checkDemandRule(), "kjj", Map.of(CHECK_DECISION, REJECT)))
                .containsExactly("驳回时请写明理由");
        assertThat(problems(rules.checkDemandRule(), "kjj", Map.of(CHECK_DECISION, REJECT, CHECK_COMMENT, "属于常规产品开发")))
                .isEmpty();
        assertThat(problems(rules.checkDemandRule(), "kjj", Map.of(CHECK_DECISION, PASS))).isEmpty();
    }

    @Test
    void onlyTheOwnerCancelsTheWindowWithAReasonAndOnlyTheManagerClosesItEarly() {
        assertThat(problems(rules.challengeWindowRule(), OWNER, Map.of(WINDOW_ACTION, CANCEL)))
                .containsExactly("取消榜单时请写明原因");
        assertThat(problems(rules.challengeWindowRule(), OWNER, Map.of(WINDOW_ACTION, CLOSE))).singleElement()
                .asString().startsWith("发榜方不能提前截止揭榜");
        assertThat(problems(rules.challengeWindowRule(), "kjj", Map.of(WINDOW_ACTION, CANCEL, CANCEL_REASON, "经理代为取消")))
                .containsExactly("只有发榜方可以取消榜单");
        assertThat(problems(rules.challengeWindowRule(), OWNER, Map.of(WINDOW_ACTION, CANCEL, CANCEL_REASON, "已自行攻克")))
                .isEmpty();
        assertThat(problems(rules.challengeWindowRule(), "kjj", Map.of(WINDOW_ACTION, CLOSE))).isEmpty();
    }

    @Test
    void anUnfilledChallengeEndsWithANoteAndIsRepublishedOnlyOnce() {
        assertThat(problems(rules.republishRule(), "kjj", Map.of(REPUBLISH_DECISION, END, PUBLISH_ROUND, 1)))
                .containsExactly("流标结束时请写明说明");
        assertThat(problems(rules.republishRule(), "kjj", Map.of(REPUBLISH_DECISION, END, REPUBLISH_NOTE, "需求已变化",
                PUBLISH_ROUND, 1))).isEmpty();
        assertThat(problems(rules.republishRule(), "kjj", Map.of(REPUBLISH_DECISION, REPUBLISH, PUBLISH_ROUND, 1))).isEmpty();
        assertThat(problems(rules.republishRule(), "kjj", Map.of(REPUBLISH_DECISION, REPUBLISH, PUBLISH_ROUND, 2)))
                .containsExactly("流标后只能重新发榜一次");
    }

    @Test
    void theTeamTheManagerAndTheOwnerSayNoToAContractOrAnAcceptanceOnlyWithTheirReasons() {
        assertThat(problems(rules.acceptContractRule(), "solver1", Map.of(CONTRACT_ACCEPTANCE, OBJECT)))
                .containsExactly("提出修改时请写明意见");
        assertThat(problems(rules.countersignRule(), "kjj", Map.of(COUNTERSIGN_DECISION, RETURN)))
                .containsExactly("退回修改时请写明意见");
        assertThat(problems(rules.signOffRule(), OWNER, Map.of(SIGN_OFF_DECISION, REFUSE)))
                .containsExactly("不予签认时请写明理由");
        assertThat(problems(rules.signOffRule(), OWNER, Map.of(SIGN_OFF_DECISION, REFUSE, SIGN_OFF_OPINION, "纯度未达标")))
                .isEmpty();
        assertThat(problems(rules.submitChallengeAcceptanceRule(), "solver1", Map.of(FINAL_REPORT, "全部完成")))
                .containsExactly("请逐项填写技术指标完成情况");
    }

    @Test
    void aMilestoneIsDisputedWithTheReasonAScoreOutOf100AndPaidAtMostAsContracted() {
        assertThat(problems(milestones.confirmMilestoneRule(), OWNER, Map.of(CONFIRMATION, DISPUTE, STAGE_SCORE, 101)))
                .containsExactly("提出异议时请写明未达标的指标和理由", "阶段考核得分应为0到100的整数");
        assertThat(problems(milestones.confirmMilestoneRule(), OWNER, Map.of(CONFIRMATION, CONFIRM, STAGE_SCORE, 90)))
                .isEmpty();
        assertThat(problems(milestones.declarePaymentRule(), OWNER, Map.of(PAID_WAN, "250", PAYMENT_VOUCHER, "x",
                "contractPaymentWan", "200"))).singleElement().asString().contains("超过合同约定");
        assertThat(problems(milestones.declarePaymentRule(), OWNER, Map.of(PAID_WAN, "200", "contractPaymentWan", "200")))
                .containsExactly("请填写支付凭证号（银行回单号）");
        assertThat(problems(milestones.confirmPaymentRule(), "finance", Map.of(PAYMENT_DECISION, RETURN)))
                .containsExactly("退回时请写明原因");
        assertThat(problems(milestones.escalateMilestoneRule(), "kjj", Map.of())).containsExactly("请填写督办情况");
    }
}
