package cn.rdfund.challenge;

/** How long the challenge's texts that several people wrote may be where they are kept ({@code Texts.clip}). */
final class ChallengeTexts {

    /** challenge.outcome_reason and challenge_team.outcome_reason. */
    static final int REASON = 2000;
    /** challenge_milestone.finding. */
    static final int FINDING = 4000;
    /** A String process variable (Camunda's ACT_RU_VARIABLE.TEXT_). */
    static final int VARIABLE = 4000;

    private ChallengeTexts() {
    }
}
