package cn.rdfund.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How finance reads an instalment's percent on 拨付审批. */
class ReleaseEventTest {

    @Test
    void aChallengeStagesPercentIsTheSupportRatioNotAShareOfTheTotal() {
        assertThat(ReleaseEvent.percentText(ReleaseEvent.CHALLENGE_MILESTONE, 30)).isEqualTo("支持比例30%");
        assertThat(ReleaseEvent.percentText(ReleaseEvent.SIGNING, 40)).isEqualTo("40%");
        assertThat(ReleaseEvent.label(ReleaseEvent.CHALLENGE_MILESTONE)).isEqualTo("揭榜方里程碑通过、发榜方支付经财务确认");
    }
}
