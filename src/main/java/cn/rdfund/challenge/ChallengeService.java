package cn.rdfund.challenge;

import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectService;
import cn.rdfund.system.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A challenge from the 发榜方's demand to its publication and end: the challenge, the call it is published as and
 * the project of the 发榜方's support move together. Every step is safe to repeat (a retried job finds its work).
 */
@Service
public class ChallengeService {

    private final ChallengeRepository challenges;
    private final FundingCallService calls;
    private final ProjectService projects;
    private final OrganizationMembers members;
    private final Clock clock;

    ChallengeService(ChallengeRepository challenges, FundingCallService calls, ProjectService projects,
            OrganizationMembers members, Clock clock) {
        this.challenges = challenges;
        this.calls = calls;
        this.projects = projects;
        this.members = members;
        this.clock = clock;
    }

    /** 需求登记: the challenge, its call (a draft) and its support project (nothing committed yet), once. */
    @Transactional
    public Challenge register(ChallengeDemand demand, Set<String> areas, String ownerUserId, String processInstanceId) {
        return challenges.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            long owner = members.organizationOf(ownerUserId)
                    .orElseThrow(() -> new IllegalStateException("发榜账号未关联单位: " + ownerUserId));
            FundingCall call = calls.registerChallenge(demand.title(), owner, demand.committedAmount(),
                    demand.parallelTeams(), areas, demand.solveBy(), processInstanceId, ownerUserId);
            LocalDateTime now = LocalDateTime.now(clock);
            Project project = projects.openByCode(Project.approved(call.code(), demand.title(), call.measure(), owner,
                    null, call.id(), ownerUserId, BigDecimal.ZERO, now));
            projects.changeStatus(project.id(), Project.PROPOSED);
            projects.attachProcess(project.id(), processInstanceId);
            return challenges.save(new Challenge(null, processInstanceId, owner, ownerUserId, call.id(), project.id(),
                    demand.title(), demand.challenge(), demand.indicators(), demand.solveBy(), demand.committedAmount(),
                    demand.parallelTeams(), Challenge.VALIDATING, 0, null, now));
        });
    }

    public Challenge ofProcess(String processInstanceId) {
        return challenges.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("流程实例没有登记榜单: " + processInstanceId));
    }

    /** The code the challenge is known by: its call's and its support project's. */
    public String codeOf(Challenge challenge) {
        return projects.get(challenge.projectId()).code();
    }

    public Challenge get(long id) {
        return challenges.findById(id).orElseThrow(() -> new IllegalStateException("榜单不存在: " + id));
    }

    /** 发榜: opens the window until the end of {@code closesOn}, with the indicators and amount as (re)published. */
    @Transactional
    public Challenge publish(String processInstanceId, LocalDate closesOn, String indicators, BigDecimal amount) {
        Challenge challenge = ofProcess(processInstanceId);
        if (Challenge.PUBLISHED.equals(challenge.status())) {
            return challenge;
        }
        calls.openChallenge(processInstanceId, closesOn, amount, challenge.parallelTeams());
        return challenges.save(challenge.published(indicators, amount));
    }

    @Transactional
    public Challenge closeWindow(String processInstanceId) {
        calls.closeOf(processInstanceId);
        return changeStatus(processInstanceId, Challenge.CLOSED);
    }

    @Transactional
    public Challenge changeStatus(String processInstanceId, String status) {
        Challenge challenge = ofProcess(processInstanceId);
        return status.equals(challenge.status()) ? challenge : challenges.save(challenge.withStatus(status));
    }

    /** 论证驳回, 流标 or 取消: the challenge ends with the reason, before any contract; nothing was committed. */
    @Transactional
    public Challenge end(String processInstanceId, String status, String reason) {
        Challenge challenge = ofProcess(processInstanceId);
        if (status.equals(challenge.status())) {
            return challenge;
        }
        calls.changeStatusOf(processInstanceId, status);
        projects.changeStatus(challenge.projectId(), Project.WITHDRAWN);
        return challenges.save(challenge.ended(status, Texts.clip(reason, ChallengeTexts.REASON)));
    }

    /** The teams' work is over: solved if a team passed acceptance; the support project ends with it. */
    @Transactional
    public Challenge conclude(String processInstanceId, boolean solved, String reason) {
        Challenge challenge = ofProcess(processInstanceId);
        projects.changeStatus(challenge.projectId(), solved ? Project.COMPLETED : Project.TERMINATED);
        calls.changeStatusOf(processInstanceId, "DECIDED");
        return challenges.save(challenge.ended(solved ? Challenge.SOLVED : Challenge.FAILED,
                Texts.clip(reason, ChallengeTexts.REASON)));
    }
}
