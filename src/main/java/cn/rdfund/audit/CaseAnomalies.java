package cn.rdfund.audit;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an auditor should look at first in a case, found in its timeline: more paid than approved, a payment approved
 * by the person who approved the task agreement (四眼原则), a payment before the agreement was approved, a recovery not
 * yet repaid, a task done after its deadline (or still open past it), an expert who stood down for a conflict of
 * interest or was replaced for missing the deadline, an incident left open. A plain function of the case's lines;
 * each finding in words.
 */
final class CaseAnomalies {

    private static final String DISBURSEMENT = "拨付 · ";
    private static final String RECOVERY = "追回（应收） · ";
    private static final String REPAYMENT = "追回到账 · ";
    private static final String AGREEMENT_APPROVAL = "审核任务书";
    /** How the review lines (CaseRecords) say an expert stood down or was replaced. */
    private static final String CONFLICT = "声明存在利益冲突";
    private static final String REPLACED = "未按期声明或评审";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CaseAnomalies() {
    }

    /** {@code approved}: the project's approved amount (null: the case has no project). */
    static List<String> of(List<TimelineEvent> events, BigDecimal approved) {
        List<String> found = new ArrayList<>();
        BigDecimal paid = sum(events, DISBURSEMENT);
        if (approved != null && paid.compareTo(approved) > 0) {
            found.add("拨付合计" + Wan.format(paid) + "超过批准金额" + Wan.format(approved));
        }
        // The last approval is the one that let the project go on (an earlier one may have returned the agreement).
        Optional<TimelineEvent> agreement = events.stream().filter(task(AGREEMENT_APPROVAL))
                .reduce((earlier, later) -> later);
        agreement.ifPresent(approval -> ledger(events, DISBURSEMENT).forEach(payment -> {
            if (Objects.equals(payment.actor(), approval.actor()) && payment.actor() != null) {
                found.add(payment.title() + "由" + payment.actor() + "审批，其也审核了任务书（四眼原则）");
            }
            // The ledger keeps its times to the second: a payment in the approval's second is not before it.
            if (payment.at().truncatedTo(ChronoUnit.SECONDS).isBefore(approval.at().truncatedTo(ChronoUnit.SECONDS))) {
                found.add(payment.title() + "（" + payment.at().format(SECONDS) + "）早于任务书审核完成（"
                        + approval.at().format(SECONDS) + "）");
            }
        }));
        BigDecimal due = sum(events, RECOVERY);
        BigDecimal repaid = sum(events, REPAYMENT);
        if (due.compareTo(repaid) > 0) {
            found.add("应追回" + Wan.format(due) + "，已到账" + Wan.format(repaid) + "，尚欠" + Wan.format(due.subtract(repaid)));
        }
        events.stream().filter(event -> TimelineEvent.TASK.equals(event.type())).forEach(task -> task.details().stream()
                .filter(line -> line.startsWith(Lateness.PREFIX)).findFirst().ifPresent(late -> found.add("「" + task.title()
                        + "」" + (task.details().contains("待办理") ? "尚未办理，已" : "办理") + late + "（"
                        + task.details().stream().filter(line -> line.startsWith("期限 ")).findFirst().orElse("") + "）")));
        events.stream().filter(event -> TimelineEvent.REVIEW.equals(event.type())).forEach(review -> review.details()
                .stream().filter(line -> line.startsWith(CONFLICT) || line.startsWith(REPLACED)).findFirst()
                .ifPresent(line -> found.add("专家" + review.actor() + (line.startsWith(CONFLICT)
                        ? "声明利益冲突并回避：" + line.substring(line.indexOf('：') + 1) : "未按期声明或评审，已移出评审"))));
        events.stream().filter(event -> TimelineEvent.INCIDENT.equals(event.type())
                && event.details().contains("未解决")).forEach(incident ->
                found.add("流程异常未解决：" + incident.title() + "（" + incident.process() + "）"));
        return found;
    }

    private static Predicate<TimelineEvent> task(String name) {
        return event -> TimelineEvent.TASK.equals(event.type()) && event.title().startsWith(name)
                && event.actor() != null;
    }

    private static List<TimelineEvent> ledger(List<TimelineEvent> events, String kind) {
        return events.stream().filter(event -> TimelineEvent.LEDGER.equals(event.type()) && event.title().startsWith(kind))
                .toList();
    }

    private static BigDecimal sum(List<TimelineEvent> events, String kind) {
        return ledger(events, kind).stream().map(TimelineEvent::amount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
