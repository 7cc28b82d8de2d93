package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.application.Application;
import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.project.PanelVerdict;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.review.ProjectAssessments;
import cn.rdfund.review.ProjectAssessments.Panel;
import cn.rdfund.review.ReviewContext;
import java.util.HashSet;
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
    private final ApplicationRepository applications;

    ChallengePanels(ProjectAssessments assessments, ChallengeService challenges, ChallengeTeams teams,
            FundingCallRepository calls, ApplicationRepository applications) {
        this.assessments = assessments;
        this.challenges = challenges;
        this.teams = teams;
        this.calls = calls;
        this.applications = applications;
    }

    /** Which panel a step of the challenge's models belongs to, from the ids its process carries. */
    Panel panelOf(String taskOrStep, VariableScope scope) {
        long projectId = longOf(scope, PROJECT_ID);
        return switch (taskOrStep) {
            case TASK_VALIDATE, "validation" -> new Panel(projectId, 0, ProjectAssessment.VALIDATION, ONLY_ROUND);
            case TASK_ASSESS_DISPUTE, "dispute" -> new Panel(projectId, longOf(scope, TEAM_ID), ProjectAssessment.DISPUTE,
                    intOf(scope, MILESTONE_SEQ));
            case TASK_ASSESS_ACCEPTANCE, "acceptance" -> new Panel(projectId, longOf(scope, TEAM_ID),
                    ProjectAssessment.ACCEPTANCE, ONLY_ROUND);
            default -> throw new IllegalArgumentException("不是榜单的专家评议: " + taskOrStep);
        };
    }

    public List<String> validation(VariableScope scope) {
        return assessments.panel(panelOf("validation", scope));
    }

    public List<String> dispute(VariableScope scope) {
        return assessments.panel(panelOf("dispute", scope));
    }

    public List<String> acceptance(VariableScope scope) {
        return assessments.panel(panelOf("acceptance", scope));
    }

    void draw(String step, VariableScope scope) {
        Challenge challenge = challenges.get(longOf(scope, CHALLENGE_ID));
        Panel panel = panelOf(step, scope);
        assessments.draw(panel, context(challenge, panel.teamId()));
    }

    void record(String taskKey, VariableScope scope, String expert, PanelVerdict verdict, String comment) {
        assessments.record(panelOf(taskKey, scope), expert, verdict, comment);
    }

    PanelVerdict verdict(String step, VariableScope scope) {
        return assessments.verdict(panelOf(step, scope));
    }

    String findings(String step, VariableScope scope) {
        return assessments.findings(panelOf(step, scope));
    }

    /** The team (or, for 论证, the 发榜方) is judged; the 发榜方, partners and every applicant may not judge it. */
    private ReviewContext context(Challenge challenge, long teamId) {
        FundingCall call = calls.findById(challenge.callId()).orElseThrow();
        Set<Long> applying = new HashSet<>();
        for (Application other : applications.findByCallId(call.id())) {
            applying.add(other.applicantId());
            other.partners().forEach(p -> applying.add(p.organizationId()));
        }
        Set<String> areas = call.areas().stream().map(FundingCall.Area::area).collect(Collectors.toSet());
        if (teamId == 0) {
            return new ReviewContext(challenge.ownerOrganizationId(), Set.of(), applying, areas);
        }
        Application application = teams.applicationOf(teams.team(teamId));
        Set<Long> involved = application.partners().stream().map(Application.Partner::organizationId)
                .collect(Collectors.toCollection(HashSet::new));
        involved.add(challenge.ownerOrganizationId());
        return new ReviewContext(application.applicantId(), involved, applying, areas);
    }
}
