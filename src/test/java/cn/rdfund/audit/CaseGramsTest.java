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
                .containsExactly("沈阳", "药业", "浑南", "沈", "阳", "药", "业", "浑", "南");
        assertThat(texts(CaseGrams.ofCase("沈 阳", null, null, null))).containsExactly("沈", "阳");
    }

    @Test
    void theCodeAndCreditCodeAreKeptAsEveryThreeNeighbouringLettersOrDigits() {
        assertThat(texts(CaseGrams.ofCase(null, null, "DX2026-000123", "91210100MA0XXXXX1Y")))
                .contains("DX2", "026", "000", "001", "012", "123", "912", "MA0", "X1Y")
                .doesNotContain("6-0", "26-");
    }

    @Test
    void lettersAreKeptAsADatabaseComparesThemCapitalsWithoutAccentsAndHalfWidth() {
        assertThat(texts(CaseGrams.ofCase("5g基站ａｂｃ与Café", null, null, null))).contains("ABC", "CAF", "AFE")
                .doesNotContain("5GA");
        assertThat(CaseGrams.ofSearch("abc")).isEqualTo(CaseGrams.ofSearch("ＡＢＣ"))
                .isEqualTo(CaseGrams.ofSearch("ABC"));
    }

    @Test
    void aSearchIsFoundByItsPairsOrWithoutAPairByItsCharactersAndByItsRunsOfThree() {
        assertThat(texts(CaseGrams.ofSearch("细胞治疗"))).containsExactly("细胞", "胞治", "治疗");
        assertThat(texts(CaseGrams.ofSearch("钽"))).containsExactly("钽");
        assertThat(texts(CaseGrams.ofSearch("000123"))).containsExactly("000", "001", "012", "123");
        assertThat(texts(CaseGrams.ofSearch("2026年"))).containsExactly("年", "202", "026");
        assertThat(CaseGrams.ofSearch("5G")).isEmpty();
    }

    @Test
    void whatASearchIsFoundByIsAlwaysKeptForACaseContainingIt() {
        Set<Long> kept = CaseGrams.ofCase("浑南5G基站国产化改造", "沈阳新松机器人自动化股份有限公司", "XM2026-000457",
                "912101007154426781");
        for (String searched : new String[] {"基站", "站", "5G基站", "松机器", "000457", "0457", "71544", "m20", "浑"}) {
            assertThat(kept).as(searched).containsAll(CaseGrams.ofSearch(searched));
        }
    }

    @Test
    void charactersBeyondTheBasicPlaneArePairedWhole() {
        String rare = new String(Character.toChars(0x20BB7)); // 𠮷, CJK Extension B
        assertThat(texts(CaseGrams.ofCase(rare + "野家", null, null, null)))
                .containsExactly(rare + "野", "野家", rare, "野", "家");
    }

    private static java.util.List<String> texts(Set<Long> grams) {
        return grams.stream().map(CaseGrams::text).collect(Collectors.toList());
    }
}
