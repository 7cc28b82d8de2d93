package cn.rdfund.disbursement;

import java.util.Map;

/** What releases an instalment, as decision table DisbursementSchedule names it, in words. */
public final class ReleaseEvent {

    private static final Map<String, String> LABELS = Map.of("SIGNING", "任务书签订", "MIDTERM_PASSED", "中期检查通过",
            "ACCEPTED", "验收通过", "CHALLENGE_MILESTONE", "揭榜方里程碑通过、发榜方支付经财务确认",
            "AWARD", "奖励公示无异议", "AWARD_ANNIVERSARY", "分年度兑现：奖励兑现起每满一年");

    private ReleaseEvent() {
    }

    public static String label(String releasedBy) {
        return LABELS.getOrDefault(releasedBy, releasedBy);
    }
}
