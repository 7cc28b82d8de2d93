package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.ClaimDriver;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the claim form must carry for a measure's table to judge it, in yuan. */
class ClaimFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void readsAmountsTypedIn万元AsExactYuan() {
        Map<String, Object> form = ClaimDriver.form("P4.1a", "2025-03-01");
        form.put("previousOutputWan", "10000.01");
        form.put("growthPercent", "20");
        form.put("qualified", true);
        form.put("otherAwardWan", "");

        ClaimForm.Parsed parsed = ClaimForm.parse(form, TODAY);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.submission().facts().previousOutputYuan()).isEqualByComparingTo("100000100");
        assertThat(parsed.submission().facts().growthPercent()).isEqualByComparingTo("20");
        assertThat(parsed.submission().otherAward()).isZero();
    }

    @Test
    void asksForWhatTheMeasureNeeds() {
        assertThat(ClaimForm.parse(ClaimDriver.form("P6.3", "2025-03-01"), TODAY).problems())
                .contains("请填写符合条件的订单班学员人数（至少1人）", "请确认申领单位符合该措施的申领条件（见表单中的条件说明）");
        assertThat(ClaimForm.parse(ClaimDriver.form("P3.2", "2025-03-01"), TODAY).problems())
                .containsExactly("请填写基数金额（万元，如 12000 或 5000.5）");
        assertThat(ClaimForm.parse(ClaimDriver.form("P6.1", "2025-03-01"), TODAY).problems())
                .containsExactly("请选择类别");
    }

    @Test
    void refusesAReferenceDateInTheFuture() {
        Map<String, Object> form = ClaimDriver.form("P3.2", "2026-12-02");
        form.put("baseWan", "100");

        assertThat(ClaimForm.parse(form, TODAY).problems()).containsExactly("参照日期不能晚于今天");
    }

    @Test
    void forgetsAnOtherAwardWaiverWhenNoOtherAwardIsDeclared() {
        Map<String, Object> form = ClaimDriver.form("P3.2", "2025-03-01");
        form.put("baseWan", "100");
        form.put("otherAwardWaived", true);

        assertThat(ClaimForm.parse(form, TODAY).submission().otherAwardWaived()).isFalse();
    }
}
