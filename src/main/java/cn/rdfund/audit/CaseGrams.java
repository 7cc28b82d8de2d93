package cn.rdfund.audit;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the case search index keeps of a case's texts, each as one number (table {@code case_search_gram}):
 * <ul>
 * <li>every pair of neighbouring Chinese characters of its name and enterprise name (汉字 bigrams: "沈阳药业" has
 * 沈阳, 阳药, 药业): Chinese has no spaces between words, so a word of two or more characters typed into the search
 * contains at least one such pair, and every case whose name contains the word has that pair too;</li>
 * <li>every Chinese character of them on its own, for a search of one character;</li>
 * <li>every three neighbouring letters or digits (capitals) of its name, enterprise name, code and credit code, for a
 * search of part of a code (000123) or a credit code (91210100).</li>
 * </ul>
 * A search reads the cases of its rarest such number and checks the whole text on those only.
 */
final class CaseGrams {

    /** Han code points stay below 2^21; two of them make one long. A single character is its code point. */
    private static final int BITS = 21;
    /** Three letters or digits: above every pair of characters (which stay below 2^42). */
    private static final long ALNUM = 1L << 50;
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private CaseGrams() {
    }

    /** Everything a case is found by: the Chinese of its name and enterprise, the letters and digits of all four. */
    static Set<Long> ofCase(String title, String enterprise, String code, String creditCode) {
        Set<Long> grams = new LinkedHashSet<>();
        for (String chinese : new String[] {title, enterprise}) {
            hanPairs(chinese, grams);
            hanCharacters(chinese, grams);
        }
        for (String any : new String[] {title, enterprise, code, creditCode}) {
            alnumTriples(any, grams);
        }
        return grams;
    }

    /**
     * What a searched text may be found by: its pairs of Chinese characters, or its single characters when it has no
     * pair, and its runs of three letters or digits. Every case containing the text has each of them.
     */
    static Set<Long> ofSearch(String text) {
        Set<Long> grams = new LinkedHashSet<>();
        hanPairs(text, grams);
        if (grams.isEmpty()) {
            hanCharacters(text, grams);
        }
        alnumTriples(text, grams);
        return grams;
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

    /**
     * Letters and digits capitals, without accents, half-width (ＡＢＣ, Ábc and abc all as ABC): a search finds more
     * candidates than its LIKE then keeps, never fewer. RDFund's schema compares exactly (utf8mb4_bin, H2); the folding
     * also serves a database whose collation ignores case, accents or width of letters.
     */
    private static void alnumTriples(String text, Set<Long> grams) {
        if (text == null) {
            return;
        }
        String upper = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toUpperCase(Locale.ROOT);
        for (int i = 0; i + 2 < upper.length(); i++) {
            char a = upper.charAt(i);
            char b = upper.charAt(i + 1);
            char c = upper.charAt(i + 2);
            if (isAlnum(a) && isAlnum(b) && isAlnum(c)) {
                grams.add(ALNUM | (long) a << 16 | (long) b << 8 | c);
            }
        }
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static boolean isAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }

    /** The characters a number stands for, for messages and tests. */
    static String text(long gram) {
        if ((gram & ALNUM) != 0) {
            return new String(new char[] {(char) (gram >>> 16 & 0xFF), (char) (gram >>> 8 & 0xFF), (char) (gram & 0xFF)});
        }
        StringBuilder text = new StringBuilder();
        if (gram >>> BITS != 0) {
            text.appendCodePoint((int) (gram >>> BITS));
        }
        return text.appendCodePoint((int) (gram & ((1L << BITS) - 1))).toString();
    }
}
