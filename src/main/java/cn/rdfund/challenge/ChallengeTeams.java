package cn.rdfund.challenge;

import cn.rdfund.application.Application;
import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.money.Wan;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.review.ReviewResult;
import cn.rdfund.review.ReviewResultRepository;
import cn.rdfund.review.ReviewTables;
import cn.rdfund.system.Texts;
import cn.rdfund.system.tasks.ProcessStarter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams of a challenge: who qualified, whom the 发榜方 selected, their contracts, the 赛马制 stage gate and how
 * each ended. Challenge.bpmn asks about them through the bean {@code challengeTeams} ({@link ChallengeProcess.Teams}).
 */
@Service("challengeTeamService")
public class ChallengeTeams {

    private final ChallengeService challenges;
    private final ChallengeTeamRepository teams;
    private final ContractMilestones milestones;
    private final ApplicationRepository applications;
    private final ReviewResultRepository results;
    private final ReviewTables reviewTables;
    private final OrganizationRepository organizations;
    private final ProcessStarter starter;
    private final Clock clock;
    private final int horseRaceKeeps;

    ChallengeTeams(ChallengeService challenges, ChallengeTeamRepository teams, ContractMilestones milestones,
            ApplicationRepository applications, ReviewResultRepository results, ReviewTables reviewTables,
            OrganizationRepository organizations, ProcessStarter starter, Clock clock,
            @Value("${rdfund.challenge.horse-race-keeps:1}") int horseRaceKeeps) {
        this.challenges = challenges;
        this.teams = teams;
        this.milestones = milestones;
        this.applications = applications;
        this.results = results;
        this.reviewTables = reviewTables;
        this.organizations = organizations;
        this.starter = starter;
        this.clock = clock;
        this.horseRaceKeeps = horseRaceKeeps;
    }

    /** An application that passed the formal check and the experts' pass mark. */
    public record Qualified(long applicationId, String teamName, String title, BigDecimal quote, BigDecimal score,
            String summary) {
    }

    /** The applications of the current window and earlier ones that passed the review's pass mark, best first. */
    public List<Qualified> qualified(Challenge challenge) {
        BigDecimal pass = reviewTables.settingsFor(FundingCallService.CHALLENGE_MEASURE).passScore();
        return applications.findByCallId(challenge.callId()).stream()
                .filter(a -> "REVIEWED".equals(a.status()))
                .map(a -> Map.entry(a, results.findById(a.id()).map(ReviewResult::finalScore).orElse(null)))
                .filter(e -> e.getValue() != null && e.getValue().compareTo(pass) >= 0)
                .map(e -> new Qualified(e.getKey().id(), organizationName(e.getKey().applicantId()), e.getKey().title(),
                        e.getKey().requestedAmount(), e.getValue(), e.getKey().projectSummary()))
                .sorted(Comparator.comparing(Qualified::score).reversed().thenComparing(Qualified::applicationId))
                .toList();
    }

    /** 定标: one team per selected application, once. */
    @Transactional
    public List<ChallengeTeam> select(Challenge challenge, List<Long> applicationIds) {
        List<ChallengeTeam> existing = teams.findByChallengeIdOrderById(challenge.id());
        if (!existing.isEmpty()) {
            return existing;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return applicationIds.stream().map(id -> applications.findById(id).orElseThrow())
                .map(a -> teams.save(new ChallengeTeam(null, challenge.id(), a.id(), a.applicantId(),
                        starter.of(a.processInstanceId()), ChallengeTeam.SELECTED, null, null, now)))
                .toList();
    }

    public ChallengeTeam team(long teamId) {
        return teams.findById(teamId).orElseThrow(() -> new IllegalStateException("揭榜团队不存在: " + teamId));
    }

    public String teamName(ChallengeTeam team) {
        return organizationName(team.organizationId());
    }

    public Application applicationOf(ChallengeTeam team) {
        return applications.findById(team.applicationId()).orElseThrow();
    }

    public List<Long> selected(long challengeId) {
        return ids(challengeId, team -> true);
    }

    public List<Long> contracted(long challengeId) {
        return ids(challengeId, ChallengeTeam::active);
    }

    /** The teams still working: contracted, not cut at the stage gate, no milestone failed. */
    public List<Long> active(long challengeId) {
        return contracted(challengeId);
    }

    public List<ChallengeTeam> of(long challengeId) {
        return teams.findByChallengeIdOrderById(challengeId);
    }

    /** Writes the signed contract's milestones, once; the team is then under contract. */
    @Transactional
    public ChallengeTeam sign(long teamId, ContractTerms.Parsed terms, String indicators) {
        ChallengeTeam team = team(teamId);
        if (!ChallengeTeam.SELECTED.equals(team.status())) {
            return team;
        }
        if (!terms.valid()) {
            throw new IllegalArgumentException("合同不完整: " + String.join("；", terms.problems()));
        }
        terms.milestones().forEach(m -> milestones.insert(new ContractMilestone(teamId, m.seq(), m.title(), m.due(),
                m.payment(), ContractMilestone.PLANNED, null, null, null, null, null, null, null, null)));
        return teams.save(team.contracted(indicators));
    }

    /** What the 发榜方 contracted to pay all its teams. */
    public BigDecimal contractedPayments(long challengeId) {
        return of(challengeId).stream().filter(ChallengeTeam::active)
                .flatMap(team -> milestones.of(team.id()).stream())
                .map(ContractMilestone::paymentAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * 赛马制 stage gate: of the teams that passed their first milestone, the best {@code rdfund.challenge.horse-race-keeps}
     * by the 发榜方's stage score go on; the others are cut. Run again, it finds the teams already cut.
     */
    @Transactional
    public List<HorseRace.Outcome> stageGate(long challengeId) {
        List<HorseRace.TeamResult> results = of(challengeId).stream()
                .filter(team -> ChallengeTeam.ACTIVE_OR_CUT.contains(team.status()))
                .map(team -> Map.entry(team, milestones.get(team.id(), 1)))
                .filter(e -> ContractMilestone.PASSED.equals(e.getValue().status()))
                .map(e -> new HorseRace.TeamResult(e.getKey().id(), teamName(e.getKey()),
                        Objects.requireNonNullElse(e.getValue().stageScore(), BigDecimal.ZERO), e.getValue().reportedAt()))
                .toList();
        List<HorseRace.Outcome> outcomes = HorseRace.gate(results, horseRaceKeeps);
        outcomes.stream().filter(o -> !o.kept()).forEach(o -> end(o.team().teamId(), ChallengeTeam.CUT, o.reason()));
        return outcomes;
    }

    public static String gateText(List<HorseRace.Outcome> outcomes) {
        return outcomes.stream().map(o -> o.team().teamName() + "：" + o.reason()).collect(Collectors.joining("\n"));
    }

    /**
     * The team ends: cut or failed, the milestones it will not reach are closed and nothing more is paid; accepted,
     * the acceptance milestone stays open for its payment.
     */
    @Transactional
    public ChallengeTeam end(long teamId, String status, String reason) {
        ChallengeTeam team = team(teamId);
        if (!team.active()) {
            return team;
        }
        if (!ChallengeTeam.ACCEPTED.equals(status)) {
            milestones.closeOpen(teamId);
        }
        return teams.save(team.ended(status, Texts.clip(reason, ChallengeTexts.REASON)));
    }

    /**
     * The team's next milestone to assess, or 0 when only the last one is left: that one is acceptance, its
     * payment and support follow a passed acceptance.
     */
    public int nextMilestone(long teamId) {
        int last = lastMilestone(teamId);
        return milestones.of(teamId).stream().filter(m -> ContractMilestone.PLANNED.equals(m.status()))
                .mapToInt(ContractMilestone::seq).filter(seq -> seq < last).min().orElse(0);
    }

    public int lastMilestone(Long teamId) {
        return milestones.of(teamId).stream().mapToInt(ContractMilestone::seq).max().orElse(0);
    }

    public boolean accepted(Long teamId) {
        return ChallengeTeam.ACCEPTED.equals(team(teamId).status());
    }

    public boolean milestoneMet(Long teamId, Integer seq) {
        return ContractMilestone.PASSED.equals(milestones.get(teamId, seq).status());
    }

    public String quoteText(ChallengeTeam team) {
        Application application = applicationOf(team);
        return teamName(team) + "《" + application.title() + "》，报价" + Wan.format(application.requestedAmount());
    }

    private List<Long> ids(long challengeId, java.util.function.Predicate<ChallengeTeam> filter) {
        return of(challengeId).stream().filter(filter).map(ChallengeTeam::id).toList();
    }

    private String organizationName(long organizationId) {
        return organizations.findById(organizationId).map(o -> o.name()).orElse("单位" + organizationId);
    }
}
