package cn.rdfund.money;

import java.math.BigDecimal;
import java.util.Optional;

/** Parses an amount a person typed in 万元 ("700", "12.5") into exact yuan; empty if it is not one. */
public final class WanInput {

    private WanInput() {
    }

    public static Optional<BigDecimal> toYuan(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,9}(\\.\\d{1,6})?")) {
            return Optional.empty();
        }
        return Optional.of(Wan.toYuan(new BigDecimal(typed.strip())));
    }
}
