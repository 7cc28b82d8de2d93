package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.money.Wan;
import cn.rdfund.review.PanelVerdict;
import cn.rdfund.project.Project;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of bpmn/challenge/Challenge.bpmn from the selection on: each team's contract, the support
 * plan, the 赛马制 stage gate, each team's milestones and acceptance, and the challenge's end. Steps inside a
 * team's sub-process write to variables declared local to it, so parallel teams never see each other's.
 */
@Configuration
class TeamDelegates {

    /** The model's questions about teams, answered with the instance's challenge as a plain id. */
    @Bean
    Teams challengeTeams(ChallengeTeams teams) {
        return new Teams() {
            @Override
            public List<Long> selected(DelegateExecution execution) {
                return teams.selected(of(execution).challengeId());
            }

            @Override
            public List<Long> contracted(DelegateExecution execution) {
                return teams.contracted(of(execution).challengeId());
            }

            @Override
            public List<Long> active(DelegateExecution execution) {
                return teams.active(of(execution).challengeId());
            }

            @Override
            public boolean milestoneMet(Long teamId, Integer seq) {
                return teams.milestoneMet(teamId, seq);
            }

            @Override
            public int lastMilestone(Long teamId) {
                return teams.lastMilestone(teamId);
            }

            @Override
            public boolean accepted(Long teamId) {
                return teams.accepted(teamId);
            }
        };
    }

    /** Who the team is and what it offered, for the contract form; the team's promised indicators as a start. */
    @Bean
    JavaDelegate prepareContract(ChallengeTeams teams) {
        return execution -> {
            ChallengeTeam team = teams.team(of(execution).teamId());
            describeTeam(execution, teams, team);
            execution.setVariable("quoteDisplay", teams.quoteText(team));
            execution.setVariable(CONTRACT_INDICATORS, teams.applicationOf(team).promisedIndicators());
        };
    }

    /** A team's tasks say which team they are about (two teams of a 赛马 have the same challenge). */
    @Bean
    TaskListener labelTaskWithTeam() {
        return task -> {
            String team = of(task).teamName();
            if (team != null) {
                task.setName(task.getName() + " · " + team);
            }
        };
    }

    @Bean
    JavaDelegate signContract(ChallengeService challenges, ChallengeTeams teams) {
        return execution -> {
            Challenge challenge = challenges.get(of(execution).challengeId());
            ChallengeTeam team = teams.team(of(execution).teamId());
            if (ChallengeTeam.SELECTED.equals(team.status())) {
                // The terms were checked against the day they were entered; signing after midnight changes nothing.
                Variables vars = of(execution);
                teams.sign(team.id(), ContractTerms.parse(vars.contractMilestones(), vars.contractPayments(),
                        challenge.solveBy(), challenge.committedAmount(), team.selectedAt().toLocalDate()),
                        vars.contractIndicators());
            }
        };
    }

    @Bean
    JavaDelegate planSupport(ChallengeService challenges, SupportService support) {
        return execution -> {
            showSupport(execution, support.plan(challenges.changeStatus(execution.getProcessInstanceId(),
                    Challenge.IN_PROGRESS)));
        };
    }

    /** The 赛马 stage gate; the support's maximum then follows the teams that go on (立项金额 on later approvals). */
    @Bean
    JavaDelegate stageGate(ChallengeTeams teams, ChallengeService challenges, SupportService support) {
        return execution -> {
            long challengeId = of(execution).challengeId();
            execution.setVariable(GATE_RESULT, ChallengeTeams.gateText(teams.stageGate(challengeId)));
            showSupport(execution, support.afterStageGate(challenges.get(challengeId)));
        };
    }

    /** The support's maximum and its note as the challenge's later forms show them (shadowed on the teams' tasks). */
    private static void showSupport(DelegateExecution execution, Project project) {
        execution.setVariable("supportDisplay", Wan.formatExact(project.approvedAmount()));
        execution.setVariable("supportNote", project.fundingNote());
    }

    /** A cut team's 赛马结果告知 reads its own outcome (a variable of the task alone, never sent back: disabled field). */
    @Bean
    TaskListener describeGateOutcome(GateOutcomes outcomes) {
        return task -> task.setVariableLocal(GATE_OUTCOME, outcomes.of(of(task).challengeId(), task.getAssignee()));
    }

    /** The team's next milestone (0: all passed, acceptance is next). */
    @Bean
    JavaDelegate nextMilestone(ChallengeTeams teams) {
        return execution -> {
            ChallengeTeam team = teams.team(of(execution).teamId());
            describeTeam(execution, teams, team);
            execution.setVariable(MILESTONE_SEQ, teams.nextMilestone(team.id()));
            execution.setVariable(CONTRACT_INDICATORS, team.indicators());
        };
    }

    /**
     * After the expert panel (the called ExpertPanel): the experts decide against the indicators, with the 发榜方's
     * sign-off before them; failing ends the team's contract with the findings recorded. Acceptance has no rectification.
     */
    @Bean
    ExecutionListener concludeChallengeAcceptance(ChallengeTeams teams) {
        return execution -> {
            if (execution.isCanceled()) {
                return;
            }
            Variables vars = of(execution);
            PanelVerdict verdict = PanelVerdict.parse(vars.panelVerdict());
            String findings = vars.findings();
            String signOff = vars.signedOff() ? "发榜方签认" : "发榜方不予签认：" + vars.signOffOpinion();
            teams.end(vars.teamId(), verdict == PanelVerdict.PASS ? ChallengeTeam.ACCEPTED : ChallengeTeam.FAILED,
                    (verdict == PanelVerdict.PASS ? "验收通过。"
                            : "验收不通过：合同终止，验收里程碑不再支付，该部分不予支持。") + signOff
                            + "。专家意见：\n" + findings);
        };
    }

    /** Solved if a team passed acceptance; the support project is then completed, otherwise terminated. */
    @Bean
    JavaDelegate closeChallenge(ChallengeService challenges, ChallengeTeams teams, SupportService support) {
        return execution -> {
            Challenge challenge = challenges.get(of(execution).challengeId());
            List<ChallengeTeam> all = teams.of(challenge.id());
            boolean solved = all.stream().anyMatch(t -> ChallengeTeam.ACCEPTED.equals(t.status()));
            execution.setVariable("challengeSolved", solved);
            if (Challenge.SOLVED.equals(challenge.status()) || Challenge.FAILED.equals(challenge.status())) {
                return;
            }
            support.settle(challenge);
            StringBuilder outcome = new StringBuilder(solved ? "揭榜成功" : "揭榜失败：无团队通过验收");
            all.forEach(t -> outcome.append("\n").append(teams.teamName(t)).append("：").append(
                    Objects.toString(t.outcomeReason(), t.status())));
            challenges.conclude(execution.getProcessInstanceId(), solved, outcome.toString());
        };
    }

    private static void describeTeam(DelegateExecution execution, ChallengeTeams teams, ChallengeTeam team) {
        execution.setVariable(SOLVER, team.solverUserId());
        execution.setVariable(TEAM_NAME, teams.teamName(team));
    }
}
