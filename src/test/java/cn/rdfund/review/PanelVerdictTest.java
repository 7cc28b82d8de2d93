package cn.rdfund.review;

import static cn.rdfund.review.PanelVerdict.FAIL;
import static cn.rdfund.review.PanelVerdict.PASS;
import static cn.rdfund.review.PanelVerdict.RECTIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PanelVerdictTest {

    @Test
    void threePassesPass() {
        assertThat(PanelVerdict.of(List.of(PASS, PASS, PASS))).isEqualTo(PASS);
    }

    @Test
    void oneFailAmongThreeDoesNotOutvoteTwoPasses() {
        assertThat(PanelVerdict.of(List.of(PASS, FAIL, PASS))).isEqualTo(PASS);
    }

    @Test
    void threeDifferentOpinionsGiveTheMiddleOne() {
        assertThat(PanelVerdict.of(List.of(FAIL, PASS, RECTIFY))).isEqualTo(RECTIFY);
    }

    @Test
    void twoFailsOutvoteARectify() {
        assertThat(PanelVerdict.of(List.of(RECTIFY, FAIL, FAIL))).isEqualTo(FAIL);
    }

    @Test
    void twoOpinionsGiveTheMoreSevere() {
        assertThat(PanelVerdict.of(List.of(PASS, FAIL))).isEqualTo(FAIL);
        assertThat(PanelVerdict.of(List.of(RECTIFY, PASS))).isEqualTo(RECTIFY);
    }

    @Test
    void aSingleOpinionIsTheVerdict() {
        assertThat(PanelVerdict.of(List.of(RECTIFY))).isEqualTo(RECTIFY);
    }

    @Test
    void refusesNoOpinions() {
        assertThatThrownBy(() -> PanelVerdict.of(List.of())).hasMessage("没有专家意见");
        assertThatThrownBy(() -> PanelVerdict.of(null)).hasMessage("没有专家意见");
    }

    @Test
    void aSecondRectifyAtTheRecheckFails() {
        assertThat(RECTIFY.atRecheck()).isEqualTo(FAIL);
        assertThat(PASS.atRecheck()).isEqualTo(PASS);
        assertThat(FAIL.atRecheck()).isEqualTo(FAIL);
    }

    @Test
    void labelsAreChinese() {
        assertThat(List.of(PASS, RECTIFY, FAIL)).extracting(PanelVerdict::label).containsExactly("通过", "整改", "不通过");
    }

    @Test
    void parsesTheEnumName() {
        assertThat(PanelVerdict.parse("PASS")).isEqualTo(PASS);
        assertThat(PanelVerdict.parse("RECTIFY")).isEqualTo(RECTIFY);
        assertThat(PanelVerdict.parse("FAIL")).isEqualTo(FAIL);
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> PanelVerdict.parse("通过")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("未知的检查结论: 通过");
        assertThatThrownBy(() -> PanelVerdict.parse("pass")).hasMessage("未知的检查结论: pass");
        assertThatThrownBy(() -> PanelVerdict.parse(null)).hasMessage("未知的检查结论: null");
        assertThatThrownBy(() -> PanelVerdict.parse(1)).hasMessage("未知的检查结论: 1");
    }
}
