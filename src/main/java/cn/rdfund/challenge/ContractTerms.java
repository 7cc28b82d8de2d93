package cn.rdfund.challenge;

import cn.rdfund.money.Wan;
import cn.rdfund.money.WanInput;
import cn.rdfund.project.AgreementTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A 揭榜挂帅 contract (任务签订) between the 发榜方 and one team: milestones one per line as "YYYY-MM-DD 内容" (as in
 * a task agreement), and on the matching lines what the 发榜方 pays the team on passing each (万元). The last
 * milestone is acceptance and falls no later than the challenge's deadline; the payments add up to at most what
 * the 发榜方 committed per team.
 */
public final class ContractTerms {

    public record Milestone(int seq, LocalDate due, String title, BigDecimal payment) {
    }

    public record Parsed(List<Milestone> milestones, List<String> problems) {

        public Parsed {
            milestones = List.copyOf(milestones);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        public BigDecimal total() {
            return milestones.stream().map(Milestone::payment).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private ContractTerms() {
    }

    public static Parsed parse(String milestoneLines, String paymentLines, LocalDate solveBy, BigDecimal committed,
            LocalDate today) {
        AgreementTerms.Parsed agreed = AgreementTerms.milestones(milestoneLines, today);
        List<String> problems = new ArrayList<>(agreed.problems());
        List<String> payments = paymentLines == null ? List.of()
                : paymentLines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (payments.size() != agreed.milestones().size()) {
            problems.add("每个里程碑对应一行支付金额（万元）：里程碑" + agreed.milestones().size() + "个，支付金额" + payments.size() + "行");
        }
        List<Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < agreed.milestones().size(); i++) {
            AgreementTerms.Milestone m = agreed.milestones().get(i);
            Optional<BigDecimal> payment = i < payments.size() ? WanInput.toYuan(payments.get(i)) : Optional.empty();
            if (i < payments.size() && (payment.isEmpty() || payment.get().signum() < 0)) {
                problems.add("第" + (i + 1) + "个里程碑的支付金额应为万元数（可为0）：" + payments.get(i));
            }
            milestones.add(new Milestone(m.seq(), m.due(), m.title(), payment.orElse(BigDecimal.ZERO)));
        }
        LocalDate end = agreed.endDate();
        if (end != null && solveBy != null && end.isAfter(solveBy)) {
            problems.add("最后一个里程碑（验收）不得晚于榜单的攻关完成期限" + solveBy);
        }
        Parsed parsed = new Parsed(milestones, problems);
        if (parsed.total().compareTo(committed) > 0) {
            problems.add("支付金额合计" + Wan.format(parsed.total()) + "，超过发榜方承诺的" + Wan.format(committed));
        }
        if (!milestones.isEmpty() && parsed.total().signum() == 0) {
            problems.add("合同应约定发榜方向揭榜方支付的金额");
        }
        return new Parsed(milestones, problems);
    }
}
