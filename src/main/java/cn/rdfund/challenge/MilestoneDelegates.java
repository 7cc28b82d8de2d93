package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.money.Wan;
import cn.rdfund.system.tasks.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of bpmn/challenge/ChallengeMilestone.bpmn: one team's milestone reported, confirmed or disputed by the
 * 发榜方 (experts decide a dispute), the 发榜方's payment confirmed by finance, and the support stage it releases.
 */
@Configuration
class MilestoneDelegates {

    @Bean
    JavaDelegate prepareMilestone(ChallengeTeams teams, ContractMilestones milestones, Clock clock) {
        return execution -> {
            ChallengeTeam team = teams.team(of(execution).teamId());
            ContractMilestone milestone = milestones.get(team.id(), of(execution).milestoneSeq());
            execution.setVariable(SOLVER, team.solverUserId());
            execution.setVariable(TEAM_NAME, teams.teamName(team));
            execution.setVariable("milestoneInfo", "第" + milestone.seq() + "个里程碑（" + milestone.dueDate() + "）："
                    + milestone.title() + "；达标后发榜方支付" + Wan.formatExact(milestone.paymentAmount()));
            execution.setVariable("contractPaymentWan", Wan.plainWan(milestone.paymentAmount()));
            execution.setVariable(CONTRACT_INDICATORS, team.indicators());
            execution.setVariable(PAYMENT_DUE, milestone.paymentAmount().signum() > 0);
            execution.setVariable("milestoneDueAt", milestone.dueDate().atTime(LocalTime.of(23, 59, 59))
                    .atZone(clock.getZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        };
    }

    @Bean
    TaskListener recordMilestoneReport(ContractMilestones milestones, Clock clock) {
        return task -> milestones.report(of(task).teamId(), of(task).milestoneSeq(),
                of(task).milestoneReport(), LocalDateTime.now(clock));
    }

    /** The 发榜方's stage score (the 赛马制 gate ranks by it) and, for a dispute, what it disputes. */
    @Bean
    TaskListener recordConfirmation(ContractMilestones milestones) {
        return task -> {
            Variables vars = of(task);
            milestones.assess(vars.teamId(), vars.milestoneSeq(), new BigDecimal(vars.stageScore()),
                    (vars.milestoneConfirmed() ? "发榜方确认达标。" : "发榜方提出异议：") + vars.ownerOpinion());
        };
    }

    @Bean
    JavaDelegate recordMilestonePassed(ContractMilestones milestones) {
        return execution -> {
            Variables vars = of(execution);
            milestones.conclude(vars.teamId(), vars.milestoneSeq(), ContractMilestone.PASSED, vars.acceptance()
                    ? "验收通过。专家意见：\n" + vars.findings() : finding(vars, "达标"));
        };
    }

    /** A milestone not met ends the team's contract: nothing more is paid to it. */
    @Bean
    JavaDelegate recordMilestoneNotMet(ContractMilestones milestones, ChallengeTeams teams) {
        return execution -> {
            Variables vars = of(execution);
            long teamId = vars.teamId();
            int seq = vars.milestoneSeq();
            String finding = finding(vars, "未达标（异议成立）");
            milestones.conclude(teamId, seq, ContractMilestone.NOT_MET, finding);
            teams.end(teamId, ChallengeTeam.FAILED, "第" + seq + "个里程碑未达标，合同终止，不再支付。" + finding);
        };
    }

    @Bean
    TaskListener stampPaymentConfirmer() {
        return task -> task.setVariable(PAYMENT_CONFIRMED_BY, CurrentUser.of(task));
    }

    /** The confirmed payment, then the support stage it releases (planned once per milestone). */
    @Bean
    JavaDelegate computeSupportStage(ChallengeService challenges, ContractMilestones milestones, SupportService support) {
        return execution -> {
            Variables vars = of(execution);
            long teamId = vars.teamId();
            int seq = vars.milestoneSeq();
            milestones.recordPayment(teamId, seq, vars.paid(), vars.paymentVoucher(), vars.paymentConfirmedBy());
            SupportService.PlannedStage stage = support.stageFor(challenges.get(vars.challengeId()), teamId, seq);
            execution.setVariable(SUPPORT_DUE, stage.instalmentSeq() > 0);
            execution.setVariable("instalmentSeq", stage.instalmentSeq());
            execution.setVariable("supportBasis", stage.basis());
        };
    }

    private static String finding(Variables vars, String label) {
        String findings = vars.findings();
        return findings == null ? "发榜方确认" + label : "专家认定" + label + "：\n" + findings;
    }
}
