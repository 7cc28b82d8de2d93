package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each anomaly planted in an otherwise clean case is found, and named; the clean case has none. */
class CaseAnomaliesTest {

    private static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 2, 9, 0);
    private static final BigDecimal APPROVED = new BigDecimal("3000000.00");

    private static TimelineEvent agreementApproved(String by, LocalDateTime at) {
        return new TimelineEvent(at, TimelineEvent.TASK, "审核任务书 · XM2026-000001 测试项目", by, List.of(), null, null,
                "项目实施");
    }

    private static TimelineEvent ledger(String kind, int entry, String by, LocalDateTime at, String yuan) {
        return new TimelineEvent(at, TimelineEvent.LEDGER, kind + " · 账目" + entry, by, List.of(),
                new BigDecimal(yuan), null, "资金台账");
    }

    /** A case as it should be: the agreement approved by kjj2, then three payments approved by finance. */
    private static List<TimelineEvent> clean() {
        return new ArrayList<>(List.of(agreementApproved("王二（kjj2）", DAY),
                ledger("拨付", 1, "钱财（finance）", DAY.plusDays(1), "1200000.00"),
                ledger("拨付", 2, "钱财（finance）", DAY.plusDays(200), "1200000.00"),
                ledger("拨付", 3, "钱财（finance）", DAY.plusDays(400), "600000.00")));
    }

    @Test
    void aCleanCaseHasNone() {
        assertThat(CaseAnomalies.of(clean(), APPROVED)).isEmpty();
        assertThat(CaseAnomalies.of(List.of(), null)).isEmpty();
    }

    @Test
    void moreThanApprovedIsFound() {
        List<TimelineEvent> events = clean();
        events.add(ledger("拨付", 4, "钱财（finance）", DAY.plusDays(500), "0.01"));
        assertThat(CaseAnomalies.of(events, APPROVED)).containsExactly("拨付合计300.00万元超过批准金额300.00万元");
    }

    @Test
    void aPaymentApprovedByWhoeverApprovedTheAgreementIsFound() {
        List<TimelineEvent> events = clean();
        events.set(0, agreementApproved("钱财（finance）", DAY));
        assertThat(CaseAnomalies.of(events, APPROVED)).hasSize(3)
                .contains("拨付 · 账目1由钱财（finance）审批，其也审核了任务书（四眼原则）");
    }

    @Test
    void aPaymentBeforeTheAgreementWasApprovedIsFound() {
        List<TimelineEvent> events = clean();
        events.add(ledger("拨付", 0, "钱财（finance）", DAY.minusHours(1), "0.00"));
        assertThat(CaseAnomalies.of(events, APPROVED))
                .containsExactly("拨付 · 账目0（2026-03-02 08:00:00）早于任务书审核完成（2026-03-02 09:00:00）");
    }

    @Test
    void aRecoveryNotRepaidIsFound() {
        List<TimelineEvent> events = clean();
        events.add(ledger("追回（应收）", 4, "钱财（finance）", DAY.plusDays(600), "500000.00"));
        events.add(ledger("追回到账", 5, "钱财（finance）", DAY.plusDays(610), "200000.00"));
        assertThat(CaseAnomalies.of(events, APPROVED)).containsExactly("应追回50.00万元，已到账20.00万元，尚欠30.00万元");
        events.add(ledger("追回到账", 6, "钱财（finance）", DAY.plusDays(620), "300000.00"));
        assertThat(CaseAnomalies.of(events, APPROVED)).isEmpty();
    }

    @Test
    void anOpenIncidentIsFound() {
        List<TimelineEvent> events = clean();
        events.add(new TimelineEvent(DAY.plusDays(3), TimelineEvent.INCIDENT, "failedJob · ServiceTask_PayInstalment",
                null, List.of("连接超时", "未解决"), null, null, "资金拨付"));
        events.add(new TimelineEvent(DAY.plusDays(4), TimelineEvent.INCIDENT, "failedJob · ServiceTask_Other", null,
                List.of("连接超时", "已解决 2026-03-07 10:00:00"), null, null, "资金拨付"));
        assertThat(CaseAnomalies.of(events, APPROVED))
                .containsExactly("流程异常未解决：failedJob · ServiceTask_PayInstalment（资金拨付）");
    }

    @Test
    void aTaskDoneAfterItsDeadlineOrStillOpenPastItIsFound() {
        List<TimelineEvent> events = clean();
        events.add(new TimelineEvent(DAY.plusDays(210), TimelineEvent.TASK, "提交中期报告 · XM2026-000001 测试项目",
                "申报人（applicant）", List.of("开始 2026-09-01 09:00:00", "完成 2026-09-29 09:00:00",
                        "期限 2026-09-26 09:00:00", "逾期 3 天"), null, null, "项目实施"));
        events.add(new TimelineEvent(DAY.plusDays(400), TimelineEvent.TASK, "验收评议 · XM2026-000001 测试项目", null,
                List.of("开始 2027-04-06 09:00:00", "待办理", "期限 2027-04-09 09:00:00", "逾期 5 小时"), null, null,
                "专家评议"));
        events.add(new TimelineEvent(DAY.plusDays(100), TimelineEvent.TASK, "拨付审批 · XM2026-000001 测试项目",
                "钱财（finance）", List.of("开始 2026-06-01 09:00:00", "完成 2026-06-02 09:00:00", "期限 2026-06-08 09:00:00"),
                null, null, "项目实施"));
        assertThat(CaseAnomalies.of(events, APPROVED)).containsExactly(
                "「提交中期报告 · XM2026-000001 测试项目」办理逾期 3 天（期限 2026-09-26 09:00:00）",
                "「验收评议 · XM2026-000001 测试项目」尚未办理，已逾期 5 小时（期限 2027-04-09 09:00:00）");
    }

    @Test
    void anExpertWhoStoodDownOrWasReplacedIsNamed() {
        List<TimelineEvent> events = clean();
        events.add(new TimelineEvent(DAY.minusDays(30), TimelineEvent.REVIEW, "专家评审", "expert3",
                List.of("抽取 2026-01-30T09:00", "声明存在利益冲突，回避：曾在申报单位任职"), null, null, "专家评审"));
        events.add(new TimelineEvent(DAY.minusDays(29), TimelineEvent.REVIEW, "专家评审", "expert4",
                List.of("抽取 2026-01-30 09:00:00", "未按期声明或评审，已移出评审"), null, null, "专家评审"));
        events.add(new TimelineEvent(DAY.minusDays(28), TimelineEvent.REVIEW, "专家评审", "expert5",
                List.of("抽取 2026-01-30T09:00", "声明无利益冲突", "评分 {}，加权总分 80"), null, null, "专家评审"));
        assertThat(CaseAnomalies.of(events, APPROVED)).containsExactly("专家expert3声明利益冲突并回避：曾在申报单位任职",
                "专家expert4未按期声明或评审，已移出评审");
    }

    @Test
    void latenessIsSaidInTheLargestWholeUnit() {
        java.time.Instant due = java.time.Instant.parse("2026-03-02T01:00:00Z");
        assertThat(Lateness.of(due, due.plusSeconds(59))).as("the job executor's delay, not lateness").isEmpty();
        assertThat(Lateness.of(due, due.plusSeconds(60))).contains("逾期 1 分钟");
        assertThat(Lateness.of(due, due.plusSeconds(59 * 60 + 59))).contains("逾期 59 分钟");
        assertThat(Lateness.of(due, due.plusSeconds(3600))).contains("逾期 1 小时");
        assertThat(Lateness.of(due, due.plusSeconds(86399))).contains("逾期 23 小时");
        assertThat(Lateness.of(due, due.plusSeconds(86400 * 3 + 5))).contains("逾期 3 天");
    }
}
