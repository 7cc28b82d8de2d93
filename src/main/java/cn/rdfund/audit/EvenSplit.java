package cn.rdfund.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An amount split into equal parts to the fen, the fen left over going to the first parts: the parts add up exactly. */
final class EvenSplit {

    private EvenSplit() {
    }

    /** {@code amount} in yuan to the fen (two decimals at most), into {@code parts} (at least one) parts. */
    static List<BigDecimal> of(BigDecimal amount, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts: " + parts);
        }
        long fen = amount.movePointRight(2).longValueExact();
        long share = Math.floorDiv(fen, parts);
        long leftOver = fen - share * parts;
        List<BigDecimal> split = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            split.add(BigDecimal.valueOf(part < leftOver ? share + 1 : share, 2));
        }
        return split;
    }
}
