package cn.rdfund.challenge;

import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What the teams cut at the 赛马 stage gate are told (赛马结果告知 in Challenge.bpmn): who they are, and each one its
 * own outcome only, never the others' scores.
 */
@Component("gateOutcomes")
public class GateOutcomes {

    private final ChallengeTeams teams;

    GateOutcomes(ChallengeTeams teams) {
        this.teams = teams;
    }

    /** The solvers of the challenge's teams that the stage gate cut. */
    public List<String> cutSolvers(long challengeId) {
        return teams.of(challengeId).stream().filter(team -> ChallengeTeam.CUT.equals(team.status()))
                .map(ChallengeTeam::solverUserId).distinct().toList();
    }

    /** The outcome of the solver's cut team, as the stage gate recorded it. */
    public String of(long challengeId, String solver) {
        return teams.of(challengeId).stream()
                .filter(team -> ChallengeTeam.CUT.equals(team.status()) && Objects.equals(solver, team.solverUserId()))
                .map(team -> teams.teamName(team) + "：" + team.outcomeReason()).findFirst().orElse("");
    }
}
