package cn.rdfund.claim;

import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A measure's own conditions (the catalogue's {@code condition:} fields) read from the claim form by the kind of field
 * the form gives each: a list's value, a date, an amount in 万元 (a field named …Wan, read by the table as …Yuan in yuan),
 * a 公民身份号码 (a field named …IdNumber, checked by its check character), or a text of evidence (a certificate's
 * number). Every one is required; whether it meets the measure is the award
 * table's answer, not this class's.
 */
final class ClaimConditionFields {

    private static final int TEXT_MAX = 200;
    private static final String WAN = "Wan";

    private ClaimConditionFields() {
    }

    /** The conditions by the name the award table reads, as texts; a problem for each one missing or malformed. */
    static Map<String, String> read(Map<String, Object> values, List<String> fields, LocalDate today,
            List<String> problems) {
        ClaimFormDefinition form = ClaimFormDefinition.deployed();
        Map<String, String> read = new LinkedHashMap<>();
        for (String field : fields) {
            String label = form.fieldLabel(field);
            switch (form.kindOf(field)) {
                case CHOICE -> choice(values, field, "请选择「" + label + "」", problems)
                        .ifPresent(value -> read.put(field, value));
                case DATE -> {
                    LocalDate date = ClaimForm.date(values.get(field));
                    if (date == null) {
                        problems.add("请填写「" + label + "」（日期，如 2025-03-01）");
                    } else if (date.isAfter(today)) {
                        problems.add("「" + label + "」不能晚于今天");
                    } else {
                        read.put(field, date.toString());
                    }
                }
                case AMOUNT_WAN -> {
                    BigDecimal yuan = ClaimForm.wan(values.get(field), "请填写「" + label + "」（万元，如 8000 或 9500.5）",
                            problems);
                    if (yuan != null) {
                        read.put(field.substring(0, field.length() - WAN.length()) + "Yuan", yuan.toPlainString());
                    }
                }
                case ID_NUMBER -> {
                    ResidentIdNumber.Result id = ResidentIdNumber.read(FormValues.text(values.get(field)), today);
                    if (id.number().isEmpty()) {
                        problems.add("「" + label + "」" + id.problem());
                    } else {
                        read.put(field, id.number().get().value());
                    }
                }
                default -> text(values, field, label, form, problems).ifPresent(text -> read.put(field, text));
            }
        }
        return read;
    }

    /**
     * The value of a list's field, one it offers; a problem when none was chosen ({@code missing}) or the value is not
     * one of the list's (the claim form's category is read this way too).
     */
    static Optional<String> choice(Map<String, Object> values, String field, String missing, List<String> problems) {
        String value = FormValues.text(values.get(field));
        ClaimFormDefinition form = ClaimFormDefinition.deployed();
        if (value == null || value.isEmpty()) {
            problems.add(missing);
        } else if (!form.hasOption(field, value)) {
            problems.add("「" + form.fieldLabel(field) + "」不能是「" + value + "」：请从列表中选择");
        } else {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    /** One line of text as kept (a certificate's number as one key), in the form's pattern if it has one. */
    private static Optional<String> text(Map<String, Object> values, String field, String label,
            ClaimFormDefinition form, List<String> problems) {
        String text = FormValues.text(values.get(field));
        if (text == null || text.isEmpty() || text.length() > TEXT_MAX) {
            problems.add("请填写「" + label + "」（不超过" + TEXT_MAX + "字）");
            return Optional.empty();
        }
        if (!singleLine(text)) {
            problems.add("「" + label + "」只能填写一行文字（不含换行或控制字符）");
            return Optional.empty();
        }
        String kept = field.equals(ClaimSubjects.CERTIFICATE) ? certificate(text) : text;
        if (form.pattern(field).filter(pattern -> !pattern.matcher(kept).matches()).isPresent()) {
            problems.add("「" + label + "」格式不符：" + form.fieldDescription(field));
            return Optional.empty();
        }
        return Optional.of(kept);
    }

    /** Characters that show as nothing though they are not format characters (fillers, a blank braille pattern). */
    private static final java.util.Set<Integer> BLANKS = java.util.Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    /**
     * One line of visible text: letters, digits, punctuation, symbols and plain or ideographic spaces only — no line
     * break, control or format character (bidi overrides …), combining mark, private or unassigned code point, odd
     * space or blank filler: what a summary shows as one line is one line, and what it shows is all there is.
     */
    static boolean singleLine(String text) {
        return text.codePoints().allMatch(c -> switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> !BLANKS.contains(c);
            case Character.SPACE_SEPARATOR -> c == ' ' || c == 0x3000;
            default -> false;
        });
    }

    /**
     * A certificate's number as one key however it was typed: full-width letters and digits as their ASCII forms
     * (NFKC), no spaces, capitals (国药准字Ｈ２０２５ ０００１ is 国药准字H20250001).
     */
    static String certificate(String typed) {
        return java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC).replaceAll("\\s", "")
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** The form field a condition the table reads by {@code name} was typed in. */
    static String fieldOf(String name) {
        return name.endsWith("Yuan") ? name.substring(0, name.length() - "Yuan".length()) + WAN : name;
    }
}
