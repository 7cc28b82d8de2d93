package cn.rdfund.selection;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Selection (立项遴选): ranks the reviewed applications of a call by score and funds them in that order while
 * the call's budget and each enterprise's remaining cap allow. An application that does not fit is skipped, not
 * the end of the walk: a smaller one further down may still fit.
 */
public final class Selection {

    public record Candidate(long applicationId, long organizationId, String title, BigDecimal score,
            BigDecimal requested, LocalDateTime submittedAt) {
    }

    public enum Outcome { SELECTED, BELOW_PASS_SCORE, OVER_BUDGET, OVER_ENTERPRISE_CAP, EXCLUDED }

    /** {@code approved} is null unless the candidate was selected. */
    public record Ranked(int rank, Candidate candidate, Outcome outcome, BigDecimal approved, String reason) {

        public boolean selected() {
            return outcome == Outcome.SELECTED;
        }
    }

    private static final Comparator<Candidate> RANKING = Comparator.comparing(Candidate::score).reversed()
            .thenComparing(Candidate::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Candidate::applicationId);

    private Selection() {
    }

    /**
     * @param budget         what the call may still fund, in yuan
     * @param passScore      the lowest fundable score (inclusive)
     * @param enterpriseRoom per organization: what it may still receive under its per-enterprise cap before this
     *                       call, in yuan
     * @param exclusions     per application whose objection (异议) was upheld: why it is excluded
     */
    public static List<Ranked> select(List<Candidate> candidates, BigDecimal budget, BigDecimal passScore,
            Map<Long, BigDecimal> enterpriseRoom, Map<Long, String> exclusions) {
        candidates.forEach(candidate -> check(candidate, enterpriseRoom));
        List<Candidate> ordered = candidates.stream().sorted(RANKING).toList();
        Map<Long, BigDecimal> roomLeft = new HashMap<>(enterpriseRoom);
        BigDecimal budgetLeft = budget;
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            int rank = i + 1;
            Candidate candidate = ordered.get(i);
            BigDecimal requested = candidate.requested();
            BigDecimal room = roomLeft.get(candidate.organizationId());
            if (exclusions.containsKey(candidate.applicationId())) {
                ranked.add(notSelected(rank, candidate, Outcome.EXCLUDED,
                        "异议成立：" + exclusions.get(candidate.applicationId())));
            } else if (candidate.score().compareTo(passScore) < 0) {
                ranked.add(notSelected(rank, candidate, Outcome.BELOW_PASS_SCORE, "得分"
                        + candidate.score().toPlainString() + "分，低于及格分" + passScore.toPlainString() + "分"));
            } else if (requested.compareTo(room) > 0) {
                ranked.add(notSelected(rank, candidate, Outcome.OVER_ENTERPRISE_CAP,
                        "企业累计资助上限剩余" + Wan.format(room) + "，不足申请金额" + Wan.format(requested)));
            } else if (requested.compareTo(budgetLeft) > 0) {
                ranked.add(notSelected(rank, candidate, Outcome.OVER_BUDGET,
                        "指南剩余预算" + Wan.format(budgetLeft) + "，不足申请金额" + Wan.format(requested)));
            } else {
                ranked.add(new Ranked(rank, candidate, Outcome.SELECTED, requested, "按得分排序第" + rank + "名，在预算内"));
                budgetLeft = budgetLeft.subtract(requested);
                roomLeft.put(candidate.organizationId(), room.subtract(requested));
            }
        }
        return List.copyOf(ranked);
    }

    private static void check(Candidate candidate, Map<Long, BigDecimal> enterpriseRoom) {
        if (candidate.score() == null) {
            throw new IllegalArgumentException("申报" + candidate.applicationId() + "没有评审得分");
        }
        if (candidate.requested() == null || candidate.requested().signum() <= 0) {
            throw new IllegalArgumentException("申报" + candidate.applicationId() + "的申请金额必须大于0");
        }
        if (enterpriseRoom.get(candidate.organizationId()) == null) {
            throw new IllegalArgumentException("缺少单位" + candidate.organizationId() + "的企业累计资助上限剩余额度");
        }
    }

    private static Ranked notSelected(int rank, Candidate candidate, Outcome outcome, String reason) {
        return new Ranked(rank, candidate, outcome, null, reason);
    }
}
