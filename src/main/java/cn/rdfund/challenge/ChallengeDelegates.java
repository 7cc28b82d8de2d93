package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.application.ApplicationService;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.money.Wan;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.system.Texts;
import cn.rdfund.system.security.Groups;
import cn.rdfund.system.security.ProcessStarters;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of bpmn/challenge/Challenge.bpmn up to the selection: demand, 论证, 发榜, window, 流标, 取消. */
@Configuration
class ChallengeDelegates {

    /** A 发榜方 is an applicant organization: applicants start challenges as they start applications. */
    @Bean
    ProcessStarters applicantsPostChallenges() {
        return new ProcessStarters(Groups.APPLICANTS, KEY);
    }

    @Bean
    JavaDelegate recordDemand(ChallengeService challenges, OrganizationRepository organizations) {
        return execution -> {
            Variables vars = of(execution);
            Challenge challenge = challenges.register(vars.demand(), vars.areas(), vars.initiator(),
                    execution.getProcessInstanceId());
            execution.setVariable(CHALLENGE_ID, challenge.id());
            execution.setVariable("callId", challenge.callId());
            execution.setVariable(PROJECT_ID, challenge.projectId());
            String code = challenges.codeOf(challenge);
            execution.setVariable(PROJECT_CODE, code);
            execution.setProcessBusinessKey(code);
            execution.setVariable(TITLE, challenge.title());
            execution.setVariable(OWNER_NAME, organizations.findById(challenge.ownerOrganizationId()).orElseThrow().name());
            execution.setVariable(HORSE_RACE, challenge.horseRace());
            execution.setVariable("committedDisplay", Wan.formatExact(challenge.committedAmount()));
        };
    }

    /** 论证驳回, by the manager (with the reason) or by the experts (with their findings). */
    @Bean
    JavaDelegate rejectDemand(ChallengeService challenges) {
        return execution -> {
            Variables vars = of(execution);
            challenges.end(execution.getProcessInstanceId(), Challenge.REJECTED, vars.rejectedAtCheck()
                    ? "形式审查驳回：" + vars.checkComment()
                    : "专家论证未通过：" + vars.findings());
        };
    }

    /** The publish form starts from the challenge as it stands (first time: as registered). */
    @Bean
    TaskListener preparePublication(ChallengeService challenges) {
        return task -> {
            Challenge challenge = challenges.ofProcess(task.getProcessInstanceId());
            task.getExecution().setVariable(INDICATORS, challenge.indicators());
            task.getExecution().setVariable(COMMITTED_WAN, Wan.plainWan(challenge.committedAmount()));
            task.getExecution().removeVariable(CLOSES_ON);
        };
    }

    @Bean
    JavaDelegate publishChallenge(ChallengeService challenges, FundingCallService calls) {
        return execution -> {
            ChallengeForms.Publication publication = of(execution).publication();
            Challenge challenge = challenges.publish(execution.getProcessInstanceId(), publication.closesOn(),
                    publication.indicators(), publication.committed());
            FundingCall call = calls.ofProcess(execution.getProcessInstanceId());
            execution.setVariable(PUBLISH_ROUND, challenge.publishRound());
            execution.removeVariable(REPUBLISH_NOTE);
            execution.setVariable(CLOSES_AT, calls.closesAtForTimer(call));
            execution.setVariable("closesDisplay", call.closesAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            execution.setVariable("committedDisplay", Wan.formatExact(challenge.committedAmount()));
        };
    }

    @Bean
    JavaDelegate closeChallengeWindow(ChallengeService challenges) {
        return execution -> challenges.closeWindow(execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate cancelChallenge(ChallengeService challenges) {
        return execution -> {
            challenges.end(execution.getProcessInstanceId(), Challenge.CANCELLED, "发榜方取消：" + of(execution).cancelReason());
            execution.removeVariables(List.of(QUALIFIED_SUMMARY, QUALIFIED_OPTIONS));
        };
    }

    /** 检查评审是否完成: the teams' applications still in formal check or review (the window has closed). */
    @Bean
    JavaDelegate checkTeamReviewsFinished(ChallengeService challenges, ApplicationService applications) {
        return execution -> {
            long pending = applications.unsettledOf(challenges.ofProcess(execution.getProcessInstanceId()).callId());
            execution.setVariable(PENDING_APPLICATIONS, pending);
            execution.setVariable(REVIEWS_FINISHED, pending == 0);
        };
    }

    @Bean
    JavaDelegate listQualified(ChallengeService challenges, ChallengeTeams teams) {
        return execution -> execution.setVariable(QUALIFIED_COUNT,
                teams.qualified(challenges.ofProcess(execution.getProcessInstanceId())).size());
    }

    /**
     * The applications that passed the formal check and the pass mark, for the 发榜方 to choose from: local to the
     * selection task, so that no team reads the others' applications later through the challenge's variables.
     */
    @Bean
    TaskListener prepareSelection(ChallengeService challenges, ChallengeTeams teams) {
        return task -> {
            List<ChallengeTeams.Qualified> qualified = teams.qualified(challenges.ofProcess(task.getProcessInstanceId()));
            task.getExecution().removeVariables(List.of(SELECTION_ACTION, SELECTED_APPLICATIONS, OWNER_ASSESSMENT,
                    CANCEL_REASON));
            task.setVariableLocal(QUALIFIED_OPTIONS, Spin.JSON(qualified.stream()
                    .map(q -> Map.of("label", q.teamName() + "《" + q.title() + "》 " + q.score().toPlainString() + "分",
                            "value", String.valueOf(q.applicationId())))
                    .toList()));
            int summaryLength = ChallengeTexts.VARIABLE / Math.max(1, qualified.size()) - 120;
            task.setVariableLocal(QUALIFIED_SUMMARY, Texts.clip(qualified.isEmpty() ? "无合格的揭榜申请"
                    : qualified.stream().map(q -> q.teamName() + "《" + q.title() + "》 专家评分" + q.score().toPlainString()
                            + "分，报价" + Wan.formatExact(q.quote()) + "\n  "
                            + Texts.clip(q.summary(), Math.max(40, summaryLength)))
                            .collect(Collectors.joining("\n")), ChallengeTexts.VARIABLE));
        };
    }

    @Bean
    JavaDelegate markUnfilled(ChallengeService challenges) {
        return execution -> {
            Variables vars = of(execution);
            challenges.end(execution.getProcessInstanceId(), Challenge.UNFILLED, "流标：第" + vars.publishRound()
                    + "次发榜无合格揭榜申请" + (vars.republishNote() == null ? "" : "；" + vars.republishNote()));
        };
    }

    /**
     * 定标: the selected teams. The 发榜方's assessment of the teams stays in the history only, out of the variables
     * the selected teams' tasks can read.
     */
    @Bean
    JavaDelegate recordSelection(ChallengeService challenges, ChallengeTeams teams) {
        return execution -> {
            Challenge challenge = challenges.changeStatus(execution.getProcessInstanceId(), Challenge.CLOSED);
            teams.select(challenge, of(execution).selectedApplications());
            // also a copy a REST completion may have echoed to the process: the teams' tasks must not read them
            execution.removeVariables(List.of(OWNER_ASSESSMENT, QUALIFIED_SUMMARY, QUALIFIED_OPTIONS));
        };
    }
}
