package cn.rdfund.execution;

import static cn.rdfund.execution.ProjectExecutionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's checks of the project's decisions and the recovery that need no money read from the database: what a
 * manager must say when returning, what an extension request may ask, what finance must confirm. The ones that compare
 * with what was paid or is outstanding run over the whole application (ProjectExecutionProcessTest).
 */
class ProjectRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final ProjectRules rules = new ProjectRules(new ProjectTimes(null), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
    private final ProjectMoneyRules money = new ProjectMoneyRules();

    private static List<String> problems(TaskCompletionRule rule, Map<String, Object> variables) {
        return rule.problems(new TaskCompletion(new HashMap<>(variables), "someone", "1", "applicant1"));
    }

    private static Map<String, Object> agreement(String milestones) {
        return Map.of(MILESTONES, milestones, MIDTERM_DATE, TODAY.plusMonths(9).toString(), INDICATORS, "完成2个中试");
    }

    @Test
    void anAgreementNeedsTwoMilestonesAndAReturnedOneTheManagersComment() {
        String twoMilestones = TODAY.plusMonths(6) + " 完成筛选\n" + TODAY.plusMonths(18) + " 验收";

        assertThat(problems(rules.agreementRule(), agreement(TODAY.plusMonths(18) + " 完成验收")))
                .contains("任务书至少需要2个里程碑");
        assertThat(problems(rules.agreementRule(), agreement(twoMilestones))).isEmpty();
        assertThat(problems(rules.agreementApprovalRule(), Map.of(AGREEMENT_DECISION, RETURN)))
                .containsExactly("退回修改时请填写修改意见");
        assertThat(problems(rules.agreementApprovalRule(), Map.of(AGREEMENT_DECISION, RETURN,
                AGREEMENT_COMMENT, "考核指标需量化"))).isEmpty();
    }

    @Test
    void anExtensionIsAskedOnceForOneToTwelveMonthsBeforeTheAcceptanceDeadline() {
        Map<String, Object> request = new HashMap<>(Map.of(FINAL_REPORT_ACTION, EXTEND, EXTENSION_MONTHS, 6,
                EXTENSION_REASON, "临床样本不足", ACCEPTANCE_DUE_DATE, Date.from(NOW.plus(30, ChronoUnit.DAYS))));
        assertThat(problems(rules.finalReportRule(), request)).isEmpty();

        request.put(EXTENSION_MONTHS, 13);
        assertThat(problems(rules.finalReportRule(), request)).containsExactly("延期月数应为1到12之间的整数");

        request.put(EXTENSION_MONTHS, 3);
        request.put(EXTENSION_REQUESTED, true);
        assertThat(problems(rules.finalReportRule(), request)).containsExactly("延期只能申请一次");

        request.remove(EXTENSION_REQUESTED);
        request.put(ACCEPTANCE_DUE_DATE, Date.from(NOW.minus(1, ChronoUnit.DAYS)));
        assertThat(problems(rules.finalReportRule(), request)).singleElement().asString().contains("已过，不能再申请延期");
    }

    @Test
    void financeConfirmsTheRecoveryAndSendsAReceiptBackOnlyWithTheReason() {
        assertThat(problems(money.recoveryConfirmationRule(), Map.of())).containsExactly("请核对并确认追回金额");
        assertThat(problems(money.recoveryConfirmationRule(), Map.of(RECOVERY_CONFIRMED, true))).isEmpty();
        assertThat(problems(money.repaymentReviewRule(), Map.of(REPAYMENT_REVIEW, RETURN)))
                .containsExactly("退回时请写明原因");
        assertThat(problems(money.repaymentReviewRule(), Map.of(REPAYMENT_REVIEW, RETURN,
                REPAYMENT_REVIEW_COMMENT, "凭证号与银行回单不符"))).isEmpty();
        assertThat(problems(money.repaymentReviewRule(), Map.of(REPAYMENT_REVIEW, CONFIRM))).isEmpty();
    }
}
