package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CaseGramsTest {

    @Test
    void aCasesChineseIsKeptAsEveryPairOfNeighbouringCharactersAndEveryCharacterOnce() {
        assertThat(texts(CaseGrams.ofCase("沈阳药业", null, null, null)))
                .containsExactly("沈阳", "阳药", "药业", "沈", "阳", "药", "业");
        assertThat(texts(CaseGrams.ofCase("药业药业", null, null, null))).containsExactly("药业", "业药", "药", "业");
    }

    @Test
    void lettersDigitsSpacesAndPunctuationEndAPair() {
        assertThat(texts(CaseGrams.ofCase("沈阳A药业（浑南）", null, null, null)))
                .containsExactly("沈阳", "药业", "浑南", "沈", "阳", "药", "业", "浑", "南", "A");
        assertThat(texts(CaseGrams.ofCase("沈 阳", null, null, null))).containsExactly("沈", "阳");
    }

    @Test
    void fromEveryLetterOrDigitTheThreeStartingThereAreKeptFewerAtTheEndOfItsRun() {
        assertThat(texts(CaseGrams.ofCase(null, null, "DX2026-000123", "91210100MA0XXXXX1Y")))
                .containsExactly("DX2", "X20", "202", "026", "26", "6", "000", "001", "012", "123", "23", "3", "912",
                        "121", "210", "101", "010", "100", "00M", "0MA", "MA0", "A0X", "0XX", "XXX", "XX1", "X1Y",
                        "1Y", "Y");
        assertThat(texts(CaseGrams.ofCase("浑南5G基站", null, null, null))).endsWith("5G", "G");
    }

    @Test
    void lettersAreKeptAsADatabaseComparesThemCapitalsWithoutAccentsAndHalfWidth() {
        assertThat(texts(CaseGrams.ofCase("5g基站ａｂｃ与Café", null, null, null))).contains("5G", "ABC", "CAF", "AFE")
                .doesNotContain("5GA");
        assertThat(CaseGrams.ofSearch("abc")).isEqualTo(CaseGrams.ofSearch("ＡＢＣ"))
                .isEqualTo(CaseGrams.ofSearch("ABC"));
    }

    @Test
    void aSearchIsFoundByItsPairsOrWithoutAPairByItsCharactersAndByItsRunsOfThree() {
        assertThat(searchTexts("细胞治疗")).containsExactly("细胞", "胞治", "治疗");
        assertThat(searchTexts("钽")).containsExactly("钽");
        assertThat(searchTexts("000123")).containsExactly("000", "001", "012", "123");
        assertThat(searchTexts("2026年")).containsExactly("年", "202", "026");
    }

    @Test
    void oneOrTwoLettersOrDigitsAreFoundByEveryNumberStartingWithThem() {
        CaseGrams.Range twoLetters = CaseGrams.ofSearch("5g").iterator().next();
        assertThat(CaseGrams.ofCase("浑南5G基站", null, null, null)).filteredOn(gram -> within(gram, twoLetters))
                .extracting(CaseGrams::text).containsExactly("5G");
        assertThat(CaseGrams.ofCase("5GA", null, null, null)).filteredOn(gram -> within(gram, twoLetters))
                .extracting(CaseGrams::text).containsExactly("5GA");
        assertThat(CaseGrams.ofCase("A5G", null, null, null)).filteredOn(gram -> within(gram, twoLetters))
                .extracting(CaseGrams::text).containsExactly("5G");
        assertThat(CaseGrams.ofCase("G5", "5 G", null, null)).noneMatch(gram -> within(gram, twoLetters));

        CaseGrams.Range oneDigit = CaseGrams.ofSearch("5").iterator().next();
        assertThat(CaseGrams.ofCase("A5", "5", "456", null)).filteredOn(gram -> within(gram, oneDigit))
                .extracting(CaseGrams::text).containsExactly("5", "56");
    }

    @Test
    void whatASearchIsFoundByIsAlwaysKeptForACaseContainingIt() {
        Set<Long> kept = CaseGrams.ofCase("浑南5G基站国产化改造", "沈阳新松机器人自动化股份有限公司", "XM2026-000457",
                "912101007154426781");
        for (String searched : new String[] {"基站", "站", "5G基站", "5g", "G", "7", "81", "XM", "松机器", "000457",
                "0457", "71544", "m20", "浑"}) {
            for (CaseGrams.Range range : CaseGrams.ofSearch(searched)) {
                assertThat(kept).as(searched).anyMatch(gram -> within(gram, range));
            }
        }
    }

    @Test
    void everyPartOfATextIsFoundByWhatTheTextKeepsHoweverItsLettersAreWritten() {
        // ß folds to SS, ﬁ to FI, full-width and circled digits to digits, the Kelvin sign to K, é (e and its accent
        // written apart) to E; each character on its own, so every part of the text folds into the text's runs.
        for (String text : new String[] {"Straße5G基站", "ﬁber①②ＡＢＣ", "\u212A线e\u0301tude", "XM2026-000457", "a-b c"}) {
            Set<Long> kept = CaseGrams.ofCase(text, null, null, null);
            for (int from = 0; from < text.length(); from++) {
                for (int to = from + 1; to <= text.length(); to++) {
                    String part = text.substring(from, to);
                    for (CaseGrams.Range range : CaseGrams.ofSearch(part)) {
                        assertThat(kept).as(part + " in " + text).anyMatch(gram -> within(gram, range));
                    }
                }
            }
        }
    }

    @Test
    void charactersBeyondTheBasicPlaneArePairedWhole() {
        String rare = new String(Character.toChars(0x20BB7)); // 𠮷, CJK Extension B
        assertThat(texts(CaseGrams.ofCase(rare + "野家", null, null, null)))
                .containsExactly(rare + "野", "野家", rare, "野", "家");
    }

    private static boolean within(long gram, CaseGrams.Range range) {
        return range.from() <= gram && gram <= range.to();
    }

    private static java.util.List<String> searchTexts(String text) {
        return CaseGrams.ofSearch(text).stream().peek(range -> assertThat(range.from()).isEqualTo(range.to()))
                .map(range -> CaseGrams.text(range.from())).collect(Collectors.toList());
    }

    private static java.util.List<String> texts(Set<Long> grams) {
        return grams.stream().map(CaseGrams::text).collect(Collectors.toList());
    }
}
