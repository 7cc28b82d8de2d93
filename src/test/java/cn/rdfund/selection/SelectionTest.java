package cn.rdfund.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.selection.Selection.Candidate;
import cn.rdfund.selection.Selection.Outcome;
import cn.rdfund.selection.Selection.Ranked;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final BigDecimal PASS_SCORE = new BigDecimal("60");
    private static final BigDecimal PLENTY = new BigDecimal("10000000.00");
    private static final LocalDateTime NINE = LocalDateTime.of(2026, 3, 2, 9, 0);

    private static Candidate candidate(long id, long organizationId, String score, String requested) {
        return candidate(id, organizationId, score, requested, NINE.plusMinutes(id));
    }

    private static Candidate candidate(long id, long organizationId, String score, String requested,
            LocalDateTime submittedAt) {
        return new Candidate(id, organizationId, "项目" + id, score == null ? null : new BigDecimal(score),
                new BigDecimal(requested), submittedAt);
    }

    /** Each candidate its own enterprise, each with plenty of room. */
    private static List<Ranked> select(String budget, Candidate... candidates) {
        Map<Long, BigDecimal> room = new HashMap<>();
        for (Candidate candidate : candidates) {
            room.put(candidate.organizationId(), PLENTY);
        }
        return Selection.select(List.of(candidates), new BigDecimal(budget), PASS_SCORE, room, Map.of());
    }

    @Test
    void usesTheBudgetUpExactly() {
        List<Ranked> ranked = select("5000000.00",
                candidate(1, 11, "90", "3000000.00"), candidate(2, 12, "85", "2000000.00"));

        assertThat(ranked).allMatch(Ranked::selected);
        assertThat(ranked).extracting(Ranked::approved)
                .containsExactly(new BigDecimal("3000000.00"), new BigDecimal("2000000.00"));
        assertThat(ranked.get(1).reason()).isEqualTo("按得分排序第2名，在预算内");
    }

    @Test
    void skipsAnApplicationOneFenOverTheRemainingBudgetAndFundsTheSmallerOneBelowIt() {
        List<Ranked> ranked = select("5000000.00", candidate(1, 11, "90", "3000000.00"),
                candidate(2, 12, "85", "2000000.01"), candidate(3, 13, "80", "1500000.00"));

        assertThat(ranked).extracting(Ranked::outcome)
                .containsExactly(Outcome.SELECTED, Outcome.OVER_BUDGET, Outcome.SELECTED);
        assertThat(ranked.get(1).approved()).isNull();
        // 万元 display rounds to two decimals, so both amounts read 200.00万元
        assertThat(ranked.get(1).reason()).isEqualTo("指南剩余预算200.00万元，不足申请金额200.00万元");
        assertThat(ranked.get(2).rank()).isEqualTo(3);
        assertThat(ranked.get(2).reason()).isEqualTo("按得分排序第3名，在预算内");
    }

    @Test
    void ordersEqualScoresBySubmissionTimeThenByApplicationId() {
        List<Ranked> ranked = select("10000000.00",
                candidate(1, 11, "88.5", "100000.00", NINE.plusHours(2)),
                candidate(3, 13, "88.5", "100000.00", NINE),
                candidate(2, 12, "88.5", "100000.00", NINE),
                candidate(4, 14, "91", "100000.00", NINE.plusDays(1)));

        assertThat(ranked).extracting(ranking -> ranking.candidate().applicationId()).containsExactly(4L, 2L, 3L, 1L);
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3, 4);
    }

    @Test
    void fundsOnlyWhatFitsTheEnterpriseRoomAcrossItsApplications() {
        List<Candidate> candidates = List.of(candidate(1, 7, "90", "2000000.00"),
                candidate(2, 7, "85", "1500000.00"), candidate(3, 7, "80", "1000000.00"));

        List<Ranked> ranked = Selection.select(candidates, PLENTY, PASS_SCORE,
                Map.of(7L, new BigDecimal("3000000.00")), Map.of());

        assertThat(ranked).extracting(Ranked::outcome)
                .containsExactly(Outcome.SELECTED, Outcome.OVER_ENTERPRISE_CAP, Outcome.SELECTED);
        assertThat(ranked.get(1).reason()).isEqualTo("企业累计资助上限剩余100.00万元，不足申请金额150.00万元");
    }

    @Test
    void checksTheEnterpriseRoomBeforeTheBudget() {
        List<Ranked> ranked = Selection.select(List.of(candidate(1, 7, "90", "2000000.00")),
                new BigDecimal("1000000.00"), PASS_SCORE, Map.of(7L, new BigDecimal("500000.00")), Map.of());

        assertThat(ranked.get(0).outcome()).isEqualTo(Outcome.OVER_ENTERPRISE_CAP);
    }

    @Test
    void excludesAnApplicationWhoseObjectionWasUpheldWithoutConsumingTheBudget() {
        List<Candidate> candidates = List.of(
                candidate(1, 11, "95", "3000000.00"), candidate(2, 12, "85", "3000000.00"));

        List<Ranked> ranked = Selection.select(candidates, new BigDecimal("3000000.00"), PASS_SCORE,
                Map.of(11L, PLENTY, 12L, PLENTY), Map.of(1L, "合作单位存在关联关系"));

        assertThat(ranked.get(0).outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(ranked.get(0).rank()).isEqualTo(1);
        assertThat(ranked.get(0).approved()).isNull();
        assertThat(ranked.get(0).reason()).isEqualTo("异议成立：合作单位存在关联关系");
        assertThat(ranked.get(1).selected()).isTrue();
    }

    @Test
    void fundsExactlyThePassScoreButNotOneHundredthBelow() {
        List<Ranked> ranked = select("10000000.00",
                candidate(1, 11, "60.00", "100000.00"), candidate(2, 12, "59.99", "100000.00"));

        assertThat(ranked).extracting(Ranked::outcome).containsExactly(Outcome.SELECTED, Outcome.BELOW_PASS_SCORE);
        assertThat(ranked.get(1).reason()).isEqualTo("得分59.99分，低于及格分60分");
    }

    @Test
    void selectsNobodyWhenNobodyIsFundable() {
        List<Ranked> ranked = select("1000000.00",
                candidate(1, 11, "75", "1000000.01"), candidate(2, 12, "59", "100000.00"));

        assertThat(ranked).noneMatch(Ranked::selected);
        assertThat(ranked).extracting(Ranked::outcome).containsExactly(Outcome.OVER_BUDGET, Outcome.BELOW_PASS_SCORE);
        assertThat(ranked).extracting(Ranked::approved).containsOnlyNulls();
    }

    @Test
    void returnsAnUnmodifiableList() {
        List<Ranked> ranked = select("1000000.00", candidate(1, 11, "75", "100000.00"));

        assertThatThrownBy(() -> ranked.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesACandidateWithoutAScore() {
        assertThatThrownBy(() -> select("1000000.00", candidate(1, 11, null, "100000.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesACandidateRequestingNothing() {
        assertThatThrownBy(() -> select("1000000.00", candidate(1, 11, "80", "0.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEnterpriseWithoutKnownRoom() {
        assertThatThrownBy(() -> Selection.select(List.of(candidate(1, 11, "80", "100000.00")), PLENTY, PASS_SCORE,
                Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
