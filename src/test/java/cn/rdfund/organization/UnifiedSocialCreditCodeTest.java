package cn.rdfund.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // GB 32100-2015 worked example
            "9144030071526726XG", // Tencent, Shenzhen
            "914403001922038216", // Huawei, Shenzhen
            "91330100799655058B"  // Alibaba (China), Hangzhou
    })
    void acceptsPublishedCodes(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code)).isEmpty();
    }

    @Test
    void computesTheCheckCharacterOfTheStandardsExample() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y44")).contains("统一社会信用代码校验位错误");
    }

    @Test
    void detectsEverySingleCharacterTypo() {
        String valid = "91350100M000100Y43";
        for (int position = 0; position < 17; position++) {
            for (char replacement : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
                if (replacement == valid.charAt(position)) {
                    continue;
                }
                String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
                assertThat(UnifiedSocialCreditCode.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y431"})
    void rejectsCodesThatAreNotEighteenCharacters(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code)).contains("统一社会信用代码应为18位");
    }

    @Test
    void rejectsNull() {
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100I43", "91350100M000100O43", "91350100M000100Z43", "91350100m000100Y43"})
    void rejectsLettersOutsideTheAlphabet(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code).orElseThrow()).contains("不允许的字符");
    }

    @Test
    void requiresDigitsForTheAdministrativeDivision() {
        String first17 = "9135A100M000100Y4";
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        assertThat(UnifiedSocialCreditCode.problem(code).orElseThrow()).contains("行政区划代码");
    }
}
