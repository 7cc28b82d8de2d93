package cn.rdfund.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** An amount split into equal parts to the fen, the fen left over going to the first parts: the parts add up exactly. */
final class EvenSplit {

    private static final BigDecimal FEN = new BigDecimal("0.01");

    private EvenSplit() {
    }

    static List<BigDecimal> of(BigDecimal amount, int parts) {
        BigDecimal share = amount.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        int leftOverFen = amount.subtract(share.multiply(BigDecimal.valueOf(parts))).divide(FEN).intValueExact();
        List<BigDecimal> split = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            split.add(part < leftOverFen ? share.add(FEN) : share);
        }
        return split;
    }
}
