package cn.rdfund.audit;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ledger lines a query found and their totals per project, enterprise, measure and year: paid out (拨付),
 * demanded back (追回) and received back (追回到账), in yuan and 万元.
 */
public record LedgerReport(List<LedgerLine> lines, Map<String, Totals> byProject, Map<String, Totals> byEnterprise,
        Map<String, Totals> byMeasure, Map<String, Totals> byYear, Totals total) {

    public record Totals(BigDecimal disbursed, BigDecimal recovered, BigDecimal repaid, String disbursedDisplay,
            String recoveredDisplay, String repaidDisplay) {

        static final Totals NONE = of(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

        static Totals of(BigDecimal disbursed, BigDecimal recovered, BigDecimal repaid) {
            return new Totals(disbursed, recovered, repaid, Wan.format(disbursed), Wan.format(recovered), Wan.format(repaid));
        }

        Totals plus(LedgerLine line) {
            return switch (line.kind()) {
                case "DISBURSEMENT" -> of(disbursed.add(line.amount()), recovered, repaid);
                case "RECOVERY" -> of(disbursed, recovered.add(line.amount()), repaid);
                default -> of(disbursed, recovered, repaid.add(line.amount()));
            };
        }
    }

    static LedgerReport of(List<LedgerLine> lines) {
        return new LedgerReport(lines, totals(lines, l -> l.projectCode()), totals(lines, l -> l.organizationName()),
                totals(lines, LedgerLine::measure), totals(lines, l -> String.valueOf(l.year())),
                lines.stream().reduce(Totals.NONE, Totals::plus, (a, b) -> a));
    }

    private static Map<String, Totals> totals(List<LedgerLine> lines, Function<LedgerLine, String> key) {
        Map<String, Totals> totals = new TreeMap<>();
        lines.forEach(line -> totals.merge(key.apply(line), Totals.NONE.plus(line),
                (a, b) -> Totals.of(a.disbursed().add(b.disbursed()), a.recovered().add(b.recovered()),
                        a.repaid().add(b.repaid()))));
        return totals;
    }
}
