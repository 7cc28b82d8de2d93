package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.project.PanelVerdict;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.review.ProjectAssessments;
import cn.rdfund.review.ProjectAssessments.Panel;
import cn.rdfund.review.ReviewContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The expert panels of a challenge, drawn and concluded by the same {@link ProjectAssessments} as the mid-term
 * checks: 论证 of the challenge, a disputed milestone of one team, one team's acceptance. Experts involved with the
 * 发榜方, the team or any organization that applied are excluded. Multi-instance steps read the panel here
 * ({@code ${challengePanels.validation(execution)}}), never from a variable.
 */
@Component("challengePanels")
public class ChallengePanels {

    private static final int ONLY_ROUND = 1;

    private final ProjectAssessments assessments;
    private final ChallengeService challenges;
    private final ChallengeTeams teams;
    private final FundingCallRepository calls;

    ChallengePanels(ProjectAssessments assessments, ChallengeService challenges, ChallengeTeams teams,
            FundingCallRepository calls) {
        this.assessments = assessments;
        this.challenges = challenges;
        this.teams = teams;
        this.calls = calls;
    }

    /** Which panel an expert task of the challenge's models belongs to, from the ids its process carries. */
    Panel panelOf(String taskKey, VariableScope scope) {
        long projectId = longOf(scope, PROJECT_ID);
        return switch (taskKey) {
            case TASK_VALIDATE -> new Panel(projectId, 0, ProjectAssessment.VALIDATION, ONLY_ROUND);
            case TASK_ASSESS_DISPUTE -> new Panel(projectId, longOf(scope, TEAM_ID), ProjectAssessment.DISPUTE,
                    intOf(scope, MILESTONE_SEQ));
            case TASK_ASSESS_ACCEPTANCE -> new Panel(projectId, longOf(scope, TEAM_ID),
                    ProjectAssessment.ACCEPTANCE, ONLY_ROUND);
            default -> throw new IllegalArgumentException("不是榜单的专家评议: " + taskKey);
        };
    }

    public List<String> validation(VariableScope scope) {
        return assessments.panel(panelOf(TASK_VALIDATE, scope));
    }

    public List<String> dispute(VariableScope scope) {
        return assessments.panel(panelOf(TASK_ASSESS_DISPUTE, scope));
    }

    public List<String> acceptance(VariableScope scope) {
        return assessments.panel(panelOf(TASK_ASSESS_ACCEPTANCE, scope));
    }

    /**
     * A team's panel judges what its application proposed, with that review's exclusions (also the 发榜方);
     * 论证 judges the 发榜方's demand, before anyone applied.
     */
    void draw(String taskKey, VariableScope scope) {
        Panel panel = panelOf(taskKey, scope);
        if (panel.teamId() != 0) {
            assessments.drawForApplication(panel, teams.team(panel.teamId()).applicationId());
            return;
        }
        Challenge challenge = challenges.get(longOf(scope, CHALLENGE_ID));
        FundingCall call = calls.findById(challenge.callId()).orElseThrow();
        assessments.draw(panel, new ReviewContext(challenge.ownerOrganizationId(), Set.of(), Set.of(),
                call.areas().stream().map(FundingCall.Area::area).collect(Collectors.toSet())));
    }

    void record(String taskKey, VariableScope scope, String expert, PanelVerdict verdict, String comment) {
        assessments.record(panelOf(taskKey, scope), expert, verdict, comment);
    }

    PanelVerdict verdict(String taskKey, VariableScope scope) {
        return assessments.verdict(panelOf(taskKey, scope));
    }

    String findings(String taskKey, VariableScope scope) {
        return assessments.findings(panelOf(taskKey, scope));
    }
}
