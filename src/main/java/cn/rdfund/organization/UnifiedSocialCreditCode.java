package cn.rdfund.organization;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * characters 3–8 are the administrative division code; the 18th is a check character over the first 17.
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private UnifiedSocialCreditCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** Why the code is not valid, in words for the person who typed it; empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != LENGTH) {
            return Optional.of("统一社会信用代码应为18位");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("统一社会信用代码第" + (i + 1) + "位含有不允许的字符 '" + code.charAt(i) + "'");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("统一社会信用代码第3至8位应为行政区划代码（数字）");
            }
        }
        if (checkCharacter(code.substring(0, LENGTH - 1)) != code.charAt(LENGTH - 1)) {
            return Optional.of("统一社会信用代码校验位错误");
        }
        return Optional.empty();
    }

    /** The 18th character for the given first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}
