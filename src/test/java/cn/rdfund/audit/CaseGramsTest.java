package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseGramsTest {

    @Test
    void everyPairOfNeighbouringChineseCharactersOnceAndNothingElse() {
        assertThat(CaseGrams.of("沈阳药业").stream().map(CaseGrams::text)).containsExactly("沈阳", "阳药", "药业");
        assertThat(CaseGrams.of("药业药业").stream().map(CaseGrams::text)).containsExactly("药业", "业药");
        assertThat(CaseGrams.of("XM2026-000003", "ABC 1", "药")).isEmpty();
    }

    @Test
    void lettersDigitsSpacesAndPunctuationEndAPair() {
        assertThat(CaseGrams.of("沈阳A药业（浑南）").stream().map(CaseGrams::text)).containsExactly("沈阳", "药业", "浑南");
        assertThat(CaseGrams.of("沈 阳")).isEmpty();
    }

    @Test
    void theTextsOfACaseShareOneSetAndNullsAreSkipped() {
        assertThat(CaseGrams.of("细胞治疗", null, "治疗中心").stream().map(CaseGrams::text))
                .containsExactly("细胞", "胞治", "治疗", "疗中", "中心");
    }

    @Test
    void charactersBeyondTheBasicPlaneArePairedWhole() {
        String rare = new String(Character.toChars(0x20BB7)); // 𠮷, CJK Extension B
        assertThat(CaseGrams.of(rare + "野家").stream().map(CaseGrams::text)).containsExactly(rare + "野", "野家");
    }
}
