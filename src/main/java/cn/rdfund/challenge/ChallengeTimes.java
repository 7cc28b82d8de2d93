package cn.rdfund.challenge;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The periods of a challenge's timers: how long an expert panel (论证, a disputed milestone, a team's acceptance) has
 * for its assessment, the same as a project's panels. Public: expressions call it.
 */
@Component("challengeTimes")
public class ChallengeTimes {

    private final Duration assessment;

    ChallengeTimes(@Value("${rdfund.project.deadlines.assessment:P15D}") Duration assessment) {
        this.assessment = assessment;
    }

    /** ISO 8601 duration for the panel's deadline, e.g. P15D. */
    public String assessmentPeriod() {
        return assessment.toString();
    }
}
