package cn.rdfund.audit;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The pairs of neighbouring Chinese characters in a text (汉字 bigrams: "沈阳药业" has 沈阳, 阳药, 药业), each as one
 * number. Chinese has no spaces between words, so a word of two or more characters typed into the case search
 * contains at least one such pair, and every case whose name or enterprise contains the word has that pair too:
 * the search index maps each pair to its cases (table {@code case_search_gram}).
 */
final class CaseGrams {

    /** Han code points stay below 2^21; two of them make one long. */
    private static final int BITS = 21;

    private CaseGrams() {
    }

    /** Every pair of neighbouring Han characters in these texts, without repeats (null texts are skipped). */
    static Set<Long> of(String... texts) {
        Set<Long> grams = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            int previous = -1;
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                boolean han = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
                if (han && previous >= 0) {
                    grams.add(((long) previous << BITS) | codePoint);
                }
                previous = han ? codePoint : -1;
                i += Character.charCount(codePoint);
            }
        }
        return grams;
    }

    /** The two characters a gram stands for, for messages and tests. */
    static String text(long gram) {
        return new StringBuilder().appendCodePoint((int) (gram >>> BITS))
                .appendCodePoint((int) (gram & ((1L << BITS) - 1))).toString();
    }
}
