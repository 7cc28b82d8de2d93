package cn.rdfund.audit;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One page of the ledger lines a query found ({@code nextAfterId}: where the next page starts, null on the last), and
 * the totals of all {@code lineCount} lines per project, enterprise, measure and year: paid out (拨付), demanded back
 * (追回) and received back (追回到账), in yuan and 万元. Per project and per enterprise only the largest groups by
 * amount paid out are listed when there are many ({@code groupsCut}); the total and the measures and years are
 * complete. {@code approvers}: the names of the page's approvers ("钱财（finance）"), by user id.
 */
public record LedgerReport(List<LedgerLine> lines, Map<String, Totals> byProject, Map<String, Totals> byEnterprise,
        Map<String, Totals> byMeasure, Map<String, Totals> byYear, Totals total, long lineCount, Long nextAfterId,
        boolean groupsCut, Map<String, String> approvers) {

    LedgerReport withApprovers(Map<String, String> names) {
        return new LedgerReport(lines, byProject, byEnterprise, byMeasure, byYear, total, lineCount, nextAfterId,
                groupsCut, names);
    }

    public record Totals(BigDecimal disbursed, BigDecimal recovered, BigDecimal repaid, String disbursedDisplay,
            String recoveredDisplay, String repaidDisplay) {

        static final Totals NONE = of(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2));

        static Totals of(BigDecimal disbursed, BigDecimal recovered, BigDecimal repaid) {
            return new Totals(disbursed, recovered, repaid, Wan.format(disbursed), Wan.format(recovered), Wan.format(repaid));
        }

        Totals plus(Totals more) {
            return of(disbursed.add(more.disbursed), recovered.add(more.recovered), repaid.add(more.repaid));
        }
    }
}
