package cn.rdfund.challenge;

/** Texts that several people wrote end up in one column (three experts' findings): cut to what the column holds. */
final class ChallengeTexts {

    /** challenge.outcome_reason and challenge_team.outcome_reason. */
    static final int REASON = 2000;
    /** challenge_milestone.finding. */
    static final int FINDING = 4000;
    /** A String process variable (Camunda's ACT_RU_VARIABLE.TEXT_). */
    static final int VARIABLE = 4000;

    private ChallengeTexts() {
    }

    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
