package cn.rdfund.challenge;

import org.springframework.stereotype.Component;

/**
 * What the expert panels of a challenge (the called ExpertPanel: 论证, a disputed milestone, a team's acceptance) must
 * avoid, as plain values for their {@code camunda:in}: a team's panel judges what its application proposed, with that
 * review's exclusions (also the 发榜方); 论证 judges the 发榜方's demand, before anyone applied. Public: expressions call it
 * ({@code ${challengePanels.applicationOf(teamId)}}).
 */
@Component("challengePanels")
public class ChallengePanels {

    private final ChallengeService challenges;
    private final ChallengeTeams teams;

    ChallengePanels(ChallengeService challenges, ChallengeTeams teams) {
        this.challenges = challenges;
        this.teams = teams;
    }

    public long applicationOf(long teamId) {
        return teams.team(teamId).applicationId();
    }

    public long ownerOf(long challengeId) {
        return challenges.get(challengeId).ownerOrganizationId();
    }
}
