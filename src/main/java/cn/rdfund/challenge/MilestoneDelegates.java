package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;

import cn.rdfund.money.Wan;
import cn.rdfund.money.WanInput;
import cn.rdfund.system.tasks.CurrentUser;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
            ChallengeTeam team = teams.team(longOf(execution, TEAM_ID));
            ContractMilestone milestone = milestones.get(team.id(), intOf(execution, MILESTONE_SEQ));
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
        return task -> milestones.report(longOf(task, TEAM_ID), intOf(task, MILESTONE_SEQ),
                FormValues.text(task.getVariable(MILESTONE_REPORT)), LocalDateTime.now(clock));
    }

    /** The 发榜方's stage score (the 赛马制 gate ranks by it) and, for a dispute, what it disputes. */
    @Bean
    TaskListener recordConfirmation(ContractMilestones milestones) {
        return task -> milestones.assess(longOf(task, TEAM_ID), intOf(task, MILESTONE_SEQ),
                new BigDecimal(FormValues.integer(task.getVariable(STAGE_SCORE))),
                (CONFIRM.equals(task.getVariable(CONFIRMATION)) ? "发榜方确认达标。" : "发榜方提出异议：")
                        + FormValues.text(task.getVariable(OWNER_OPINION)));
    }

    @Bean
    JavaDelegate recordMilestonePassed(ContractMilestones milestones) {
        return execution -> milestones.conclude(longOf(execution, TEAM_ID), intOf(execution, MILESTONE_SEQ),
                ContractMilestone.PASSED, Boolean.TRUE.equals(execution.getVariable(ACCEPTANCE))
                        ? "验收通过。专家意见：\n" + execution.getVariable(FINDINGS) : finding(execution, "达标"));
    }

    /** A milestone not met ends the team's contract: nothing more is paid to it. */
    @Bean
    JavaDelegate recordMilestoneNotMet(ContractMilestones milestones, ChallengeTeams teams) {
        return execution -> {
            long teamId = longOf(execution, TEAM_ID);
            int seq = intOf(execution, MILESTONE_SEQ);
            String finding = finding(execution, "未达标（异议成立）");
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
            long teamId = longOf(execution, TEAM_ID);
            int seq = intOf(execution, MILESTONE_SEQ);
            milestones.recordPayment(teamId, seq, WanInput.toYuan(FormValues.text(execution.getVariable(PAID_WAN))).orElseThrow(),
                    FormValues.text(execution.getVariable(PAYMENT_VOUCHER)), (String) execution.getVariable(PAYMENT_CONFIRMED_BY));
            SupportService.PlannedStage stage = support.stageFor(challenges.get(longOf(execution, CHALLENGE_ID)), teamId, seq);
            execution.setVariable(SUPPORT_DUE, stage.instalmentSeq() > 0);
            execution.setVariable("instalmentSeq", stage.instalmentSeq());
            execution.setVariable("supportBasis", stage.basis());
        };
    }

    private static String finding(DelegateExecution execution, String label) {
        Object findings = execution.getVariable(FINDINGS);
        return findings == null ? "发榜方确认" + label : "专家认定" + label + "：\n" + findings;
    }
}
