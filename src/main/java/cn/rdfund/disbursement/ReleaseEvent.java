package cn.rdfund.disbursement;

import java.util.List;
import java.util.Map;

/** What releases an instalment, as decision table DisbursementSchedule names it, in words. */
public final class ReleaseEvent {

    public static final String SIGNING = "SIGNING";
    public static final String MIDTERM_PASSED = "MIDTERM_PASSED";
    public static final String ACCEPTED = "ACCEPTED";
    /** A 揭榜挂帅 support stage: its percent is the support ratio of what the 发榜方 paid, not a share of the total. */
    public static final String CHALLENGE_MILESTONE = "CHALLENGE_MILESTONE";

    /** The release points of ProjectExecution.bpmn, in the order a project reaches them. */
    static final List<String> PROJECT_LIFECYCLE = List.of(SIGNING, MIDTERM_PASSED, ACCEPTED);

    private static final Map<String, String> LABELS = Map.of(SIGNING, "任务书签订", MIDTERM_PASSED, "中期检查通过",
            ACCEPTED, "验收通过", CHALLENGE_MILESTONE, "揭榜方里程碑通过、发榜方支付经财务确认",
            "AWARD", "奖励公示无异议", "AWARD_ANNIVERSARY", "分年度兑现：奖励兑现起每满一年");

    private ReleaseEvent() {
    }

    public static String label(String releasedBy) {
        return LABELS.getOrDefault(releasedBy, releasedBy);
    }

    /** An instalment's percent as a reader takes it: its share of the total, or a challenge stage's support ratio. */
    public static String percentText(String releasedBy, int percent) {
        return (CHALLENGE_MILESTONE.equals(releasedBy) ? "支持比例" : "") + percent + "%";
    }

    /**
     * A project's schedule may only name the release points its process has: an instalment released by anything
     * else would never be paid, so planning refuses it (an incident at 计算分期拨付, before any money moves).
     */
    static void requireProjectLifecycle(String measure, List<InstalmentShare> schedule) {
        schedule.stream().filter(share -> !PROJECT_LIFECYCLE.contains(share.releasedBy())).findFirst()
                .ifPresent(share -> {
                    throw new IllegalStateException("分期拨付表对措施" + measure + "的第" + share.seq() + "期拨付条件"
                            + share.releasedBy() + "不是项目实施中的拨付节点（任务书签订、中期检查通过、验收通过）");
                });
    }
}
