package cn.rdfund.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is stored in yuan; people read it in 万元 (10,000 yuan). */
public final class Wan {

    private static final BigDecimal YUAN_PER_WAN = new BigDecimal("10000");

    private Wan() {
    }

    /** 7000000.00 yuan → "700.00万元" (two decimals, half-up: a display value, never stored). */
    public static String format(BigDecimal yuan) {
        return toWan(yuan).toPlainString() + "万元";
    }

    /** 833333.20 yuan → "83.33332万元": exact (up to six decimals), for amounts someone must type back. */
    public static String formatExact(BigDecimal yuan) {
        BigDecimal wan = yuan.divide(YUAN_PER_WAN, 6, RoundingMode.UNNECESSARY).stripTrailingZeros();
        return (wan.scale() < 2 ? wan.setScale(2) : wan).toPlainString() + "万元";
    }

    /** 3000000.01 yuan → 300.000001: exact, as a person types it back into a 万元 field. */
    public static String plainWan(BigDecimal yuan) {
        return yuan.divide(YUAN_PER_WAN, 6, RoundingMode.UNNECESSARY).stripTrailingZeros().toPlainString();
    }

    public static BigDecimal toWan(BigDecimal yuan) {
        return yuan.divide(YUAN_PER_WAN, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal toYuan(BigDecimal wan) {
        return wan.multiply(YUAN_PER_WAN).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Exact yuan with at most two decimals (fen); anything finer is a caller error, not something to round. */
    public static BigDecimal exactYuan(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("金额最多精确到分: " + amount.toPlainString(), e);
        }
    }
}
