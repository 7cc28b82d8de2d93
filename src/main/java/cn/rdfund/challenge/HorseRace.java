package cn.rdfund.challenge;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * 赛马制 stage gate: of the teams working in parallel, the best {@code keep} by their stage assessment go
 * on; the others end (their work is closed, nothing more is paid to them). Ties are broken by the earlier
 * stage report, then by team id, so the outcome never depends on the order of the input.
 */
public final class HorseRace {

    private HorseRace() {
    }

    public record TeamResult(long teamId, String teamName, BigDecimal score, LocalDateTime reportedAt) {

        public TeamResult {
            Objects.requireNonNull(score, "score");
            if (score.signum() < 0 || score.compareTo(new BigDecimal("100")) > 0) {
                throw new IllegalArgumentException("阶段考核得分应在0到100之间: " + score.toPlainString());
            }
        }
    }

    public record Outcome(int rank, TeamResult team, boolean kept, String reason) {
    }

    public static List<Outcome> gate(List<TeamResult> results, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("赛马制阶段考核至少保留1个团队");
        }
        List<TeamResult> ranked = results.stream()
                .sorted(Comparator.comparing(TeamResult::score).reversed()
                        .thenComparing(TeamResult::reportedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(TeamResult::teamId))
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            TeamResult team = ranked.get(i);
            boolean kept = i < keep;
            outcomes.add(new Outcome(i + 1, team, kept, "阶段考核" + team.score().toPlainString() + "分，第" + (i + 1) + "名，"
                    + (kept ? "继续攻关" : "保留名额为" + keep + "个，终止攻关，不再拨付")));
        }
        return List.copyOf(outcomes);
    }
}
