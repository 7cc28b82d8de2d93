package cn.rdfund.audit;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * What the case search index keeps of a case's texts, each as one number (table {@code case_search_gram}):
 * <ul>
 * <li>every pair of neighbouring Chinese characters of its name and enterprise name (汉字 bigrams: "沈阳药业" has
 * 沈阳, 阳药, 药业): Chinese has no spaces between words, so a word of two or more characters typed into the search
 * contains at least one such pair, and every case whose name contains the word has that pair too;</li>
 * <li>every Chinese character of them on its own, for a search of one character;</li>
 * <li>from every letter or digit (capitals) of its name, enterprise name, code and credit code, the three that start
 * there, fewer where its run of letters and digits ends ("5G基站" has 5G and G): a search of part of a code (000123),
 * of a credit code (91210100) or of a word of one or two letters or digits (5G) is found by its runs of three, or by
 * all the numbers starting with its one or two.</li>
 * </ul>
 * A search reads the cases of its rarest such number (or range of numbers) and checks the whole text on those only.
 */
final class CaseGrams {

    /** Han code points stay below 2^21; two of them make one long. A single character is its code point. */
    private static final int BITS = 21;
    /**
     * Up to three letters or digits, one byte each, 0 after the end of their run: above every pair of characters
     * (which stay below 2^42).
     */
    private static final long ALNUM = 1L << 50;
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern RUN = Pattern.compile("[0-9A-Z]+");

    private CaseGrams() {
    }

    /** One number ({@code from == to}) or all those starting with one or two letters or digits. */
    record Range(long from, long to) {

        static Range of(long gram) {
            return new Range(gram, gram);
        }
    }

    /** Everything a case is found by: the Chinese of its name and enterprise, the letters and digits of all four. */
    static Set<Long> ofCase(String title, String enterprise, String code, String creditCode) {
        Set<Long> grams = new LinkedHashSet<>();
        for (String chinese : new String[] {title, enterprise}) {
            hanPairs(chinese, grams);
            hanCharacters(chinese, grams);
        }
        for (String any : new String[] {title, enterprise, code, creditCode}) {
            alnumStarts(any, grams);
        }
        return grams;
    }

    /**
     * What a searched text may be found by: its pairs of Chinese characters, or its single characters when it has no
     * pair, its runs of three letters or digits, and for a run of only one or two the numbers starting with them. A
     * case containing the text has a number in each.
     */
    static Set<Range> ofSearch(String text) {
        Set<Long> chinese = new LinkedHashSet<>();
        hanPairs(text, chinese);
        if (chinese.isEmpty()) {
            hanCharacters(text, chinese);
        }
        Set<Range> ranges = new LinkedHashSet<>();
        chinese.forEach(gram -> ranges.add(Range.of(gram)));
        for (String run : alnumRuns(text)) {
            if (run.length() >= 3) {
                for (int i = 0; i + 2 < run.length(); i++) {
                    ranges.add(Range.of(gram(run, i)));
                }
            } else {
                long start = gram(run, 0);
                ranges.add(new Range(start, start | (run.length() == 1 ? 0xFFFF : 0xFF)));
            }
        }
        return ranges;
    }

    private static void hanPairs(String text, Set<Long> grams) {
        if (text == null) {
            return;
        }
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean han = isHan(codePoint);
            if (han && previous >= 0) {
                grams.add(((long) previous << BITS) | codePoint);
            }
            previous = han ? codePoint : -1;
            i += Character.charCount(codePoint);
        }
    }

    private static void hanCharacters(String text, Set<Long> grams) {
        if (text != null) {
            text.codePoints().filter(CaseGrams::isHan).forEach(codePoint -> grams.add((long) codePoint));
        }
    }

    /** The number of each letter or digit: it and the two after it, as far as its run goes. */
    private static void alnumStarts(String text, Set<Long> grams) {
        for (String run : alnumRuns(text)) {
            for (int i = 0; i < run.length(); i++) {
                grams.add(gram(run, i));
            }
        }
    }

    /** Up to three letters or digits of a run from {@code i}, 0 for each past its end. */
    private static long gram(String run, int i) {
        long gram = ALNUM;
        for (int k = 0; k < 3; k++) {
            gram |= (long) (i + k < run.length() ? run.charAt(i + k) : 0) << (16 - 8 * k);
        }
        return gram;
    }

    /**
     * The runs of letters and digits, capitals, without accents, half-width (ＡＢＣ, Ábc and abc all as ABC): a search
     * finds more candidates than its LIKE (capitals or not, otherwise exact: utf8mb4_bin, H2) then keeps, never fewer.
     * Each character folds on its own, so a searched text's runs lie within the runs of a case containing it.
     */
    private static List<String> alnumRuns(String text) {
        if (text == null) {
            return List.of();
        }
        String upper = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toUpperCase(Locale.ROOT);
        return RUN.matcher(upper).results().map(MatchResult::group).toList();
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** The characters a number stands for, for messages and tests. */
    static String text(long gram) {
        if ((gram & ALNUM) != 0) {
            return new String(new char[] {(char) (gram >>> 16 & 0xFF), (char) (gram >>> 8 & 0xFF), (char) (gram & 0xFF)})
                    .replace("\0", "");
        }
        StringBuilder text = new StringBuilder();
        if (gram >>> BITS != 0) {
            text.appendCodePoint((int) (gram >>> BITS));
        }
        return text.appendCodePoint((int) (gram & ((1L << BITS) - 1))).toString();
    }
}
