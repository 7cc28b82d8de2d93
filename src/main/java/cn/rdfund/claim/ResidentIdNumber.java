package cn.rdfund.claim;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * A 公民身份号码 (GB 11643-1999): 17 digits (region, birth date yyyyMMdd, sequence) and a check character computed
 * from them (ISO 7064 MOD 11-2). Read as typed or as a spreadsheet holds it: spaces dropped, a lower-case x read as X.
 */
record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The number, or why it is not one (in words a claimant can act on). */
    static Result read(String typed, LocalDate today) {
        String id = typed == null ? "" : typed.replaceAll("[\\s\\u00A0\\u3000]", "").toUpperCase(Locale.ROOT);
        if (!id.matches("\\d{17}[\\dX]")) {
            return Result.problem("应为18位（最后一位可为X）");
        }
        LocalDate born;
        try {
            born = LocalDate.parse(id.substring(6, 14), BIRTH);
        } catch (DateTimeParseException notADate) {
            return Result.problem("出生日期（第7–14位）" + id.substring(6, 14) + "不是有效日期");
        }
        if (born.isAfter(today) || born.isBefore(LocalDate.of(1900, 1, 1))) {
            return Result.problem("出生日期（第7–14位）" + id.substring(6, 14) + "不合理");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        if (CHECK.charAt(sum % 11) != id.charAt(17)) {
            return Result.problem("校验位不符，请核对号码");
        }
        return new Result(Optional.of(new ResidentIdNumber(id)), null);
    }

    record Result(Optional<ResidentIdNumber> number, String problem) {
        static Result problem(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    LocalDate birthDate() {
        return LocalDate.parse(value.substring(6, 14), BIRTH);
    }

    /** As lists show it: 2101**********123X (region's first four and the last four). */
    String masked() {
        return value.substring(0, 4) + "*".repeat(10) + value.substring(14);
    }
}
