package cn.rdfund.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HorseRaceTest {

    private static HorseRace.TeamResult team(long id, String score, int day) {
        return new HorseRace.TeamResult(id, "团队" + id, new BigDecimal(score), LocalDateTime.of(2027, 6, day, 9, 0));
    }

    @Test
    void keepsTheBestTeamAndEndsTheOther() {
        List<HorseRace.Outcome> outcomes = HorseRace.gate(List.of(team(1, "72.5", 1), team(2, "88", 2)), 1);

        assertThat(outcomes).extracting(o -> o.team().teamId()).containsExactly(2L, 1L);
        assertThat(outcomes).extracting(HorseRace.Outcome::kept).containsExactly(true, false);
        assertThat(outcomes.get(1).reason()).isEqualTo("阶段考核72.5分，第2名，保留名额为1个，终止攻关，不再拨付");
    }

    @Test
    void breaksATieByTheEarlierReportWhateverTheInputOrder() {
        List<HorseRace.Outcome> one = HorseRace.gate(List.of(team(1, "80", 5), team(2, "80", 3), team(3, "70", 1)), 2);
        List<HorseRace.Outcome> other = HorseRace.gate(List.of(team(3, "70", 1), team(1, "80", 5), team(2, "80", 3)), 2);

        assertThat(one).extracting(o -> o.team().teamId()).containsExactly(2L, 1L, 3L);
        assertThat(other).isEqualTo(one);
    }

    @Test
    void keepsEveryoneWhenThereAreNoMoreTeamsThanPlaces() {
        assertThat(HorseRace.gate(List.of(team(1, "60", 1)), 2)).allMatch(HorseRace.Outcome::kept);
    }

    @Test
    void refusesNoPlacesAndScoresOutOfRange() {
        assertThatThrownBy(() -> HorseRace.gate(List.of(), 0)).hasMessageContaining("至少保留1个团队");
        assertThatThrownBy(() -> team(1, "100.01", 1)).hasMessageContaining("0到100");
    }
}
