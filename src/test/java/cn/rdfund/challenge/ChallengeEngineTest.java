package cn.rdfund.challenge;

import static cn.rdfund.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.review.ExpertPanelProcess;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.support.EngineOnlySteps;
import cn.rdfund.support.EngineOnlyTest;
import cn.rdfund.system.tasks.FreshFormAnswers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/challenge/Challenge.bpmn on its own, in an in-memory engine (src/test/resources/engine-only.cfg.xml), with the
 * ExpertPanel and ChallengeMilestone it calls replaced by one-task stubs: the demand rejected by the manager or by the
 * experts' 论证; the window cancelled by the 发榜方, closed by the manager or by its timer; 流标 republished once, ended
 * by the manager or after the second window; the selection waiting for the last application to be settled (message
 * ApplicationSettled) and cancelled there; each selected team's contract objected to, returned and signed; the 赛马制
 * stage gate; each team's milestones, a team stopped at a milestone it did not meet, its acceptance signed off or
 * refused and passed or failed; the challenge solved or failed. The steps that write the challenge, the teams, the
 * support project and the ledger are recorders, except that the steps ending a challenge before any contract are the
 * real ones writing to a recording ChallengeService (the reason the 发榜方 reads is theirs); the listeners that only move
 * variables (fresh forms, the team's name on its tasks, the panels' deadline) are the real ones. A milestone itself is
 * ChallengeMilestoneEngineTest's; the rules, the money and who may do what are tested with ChallengeRulesTest,
 * ContractTermsTest, ChallengeSupportTest, HorseRaceTest and over the whole application (ChallengeProcessTest).
 */
@EngineOnlyTest
@Deployment(resources = {"bpmn/challenge/Challenge.bpmn", "bpmn/challenge/ChallengeDemandForm.form",
        "bpmn/challenge/ChallengeCheckForm.form", "bpmn/challenge/ChallengePublishForm.form",
        "bpmn/challenge/ChallengeWindowForm.form", "bpmn/challenge/ChallengeRepublishForm.form",
        "bpmn/challenge/ChallengeSelectionForm.form", "bpmn/challenge/ChallengeContractForm.form",
        "bpmn/challenge/ChallengeContractAcceptForm.form", "bpmn/challenge/ChallengeCountersignForm.form",
        "bpmn/challenge/ChallengeAcceptanceReportForm.form", "bpmn/challenge/ChallengeSignOffForm.form"})
class ChallengeEngineTest {

    private static final String OWNER = "owner1";
    private static final String CODE = "JB2026-001";
    private static final long CHALLENGE = 7L;
    private static final long ORGANIZATION = 31L;
    private static final String PANEL_TASK = "Task_StubPanel";
    private static final String MILESTONE_TASK = "Task_StubMilestone";
    private static final String FIRST = "甲团队";
    private static final String SECOND = "乙团队";
    /** The applications that qualified, by id as the selection form submits them: who applied and who solves. */
    private static final Map<String, List<String>> APPLICANTS = Map.of("101", List.of(FIRST, "solver1"),
            "102", List.of(SECOND, "solver2"));
    private static final Date WINDOW_CLOSES = Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(20)));

    ProcessEngine processEngine;

    private EngineOnlySteps steps;

    private final List<String> calls = new ArrayList<>();
    private final Set<String> labelled = new TreeSet<>();
    private final Teams teams = new Teams();
    /** The window's applications still in formal check or review when the challenge checks. */
    private long unsettled;
    /** The applications that passed the formal check and the experts' pass mark. */
    private int qualified;
    private int publishRound;

    /** A selected team as the recorders keep it: its contract's milestones (the last is acceptance), how far it got. */
    private static final class Team {
        private final long id;
        private final String name;
        private final String solver;
        private String status = ChallengeTeam.SELECTED;
        private int milestones;
        private final Set<Integer> passed = new TreeSet<>();
        private int stageScore;

        private Team(long id, String name, String solver) {
            this.id = id;
            this.name = name;
            this.solver = solver;
        }

        /** The next milestone to assess, 0 when only acceptance is left (as ChallengeTeams.nextMilestone). */
        private int nextMilestone() {
            for (int seq = 1; seq < milestones; seq++) {
                if (!passed.contains(seq)) {
                    return seq;
                }
            }
            return 0;
        }
    }

    /** The model's questions about the teams ({@code ${challengeTeams.active(execution)}}); public for the expression language. */
    public static final class Teams implements ChallengeProcess.Teams {
        private final Map<Long, Team> selected = new LinkedHashMap<>();

        private Team team(long teamId) {
            return selected.get(teamId);
        }

        private Team of(DelegateExecution execution) {
            return team(ChallengeProcess.of(execution).teamId());
        }

        private List<Long> withStatus(String status) {
            return selected.values().stream().filter(t -> status.equals(t.status)).map(t -> t.id).toList();
        }

        @Override
        public List<Long> selected(DelegateExecution execution) {
            return List.copyOf(selected.keySet());
        }

        @Override
        public List<Long> contracted(DelegateExecution execution) {
            return withStatus(ChallengeTeam.CONTRACTED);
        }

        @Override
        public List<Long> active(DelegateExecution execution) {
            return withStatus(ChallengeTeam.CONTRACTED);
        }

        @Override
        public boolean milestoneMet(Long teamId, Integer seq) {
            return team(teamId).passed.contains(seq);
        }

        @Override
        public int lastMilestone(Long teamId) {
            return team(teamId).milestones;
        }

        @Override
        public boolean accepted(Long teamId) {
            return ChallengeTeam.ACCEPTED.equals(team(teamId).status);
        }
    }

    /** Who the stage gate cut and what each is told ({@code ${gateOutcomes.cutSolvers(challengeId)}}); public for the EL. */
    public final class CutTeams {
        public List<String> cutSolvers(long challengeId) {
            return teams.selected.values().stream().filter(t -> ChallengeTeam.CUT.equals(t.status)).map(t -> t.solver)
                    .toList();
        }

        public String of(long challengeId, String solver) {
            return teams.selected.values().stream().filter(t -> t.solver.equals(solver))
                    .map(t -> t.name + "：终止攻关，不再拨付").findFirst().orElse("");
        }
    }

    /** What a team's panel must avoid ({@code ${challengePanels.applicationOf(teamId)}}); public for the expression language. */
    public static final class Panels {
        public long applicationOf(long teamId) {
            return 100 + teamId;
        }

        public long ownerOf(long challengeId) {
            return ORGANIZATION;
        }
    }

    /** The challenge's row as the steps ending it before any contract write it: the status and the reason. */
    private final class EndedChallenges extends ChallengeService {
        EndedChallenges() {
            super(null, null, null, null, null);
        }

        @Override
        public Challenge end(String processInstanceId, String status, String reason) {
            calls.add(status + " " + reason);
            return null;
        }
    }

    @BeforeEach
    void registerBeansAndStubs() {
        steps = new EngineOnlySteps(processEngine);
        ChallengeDelegates ending = new ChallengeDelegates();
        ChallengeService challenges = new EndedChallenges();
        Mocks.register("labelTaskWithProject", (TaskListener) task -> labelled.add(task.getTaskDefinitionKey()));
        Mocks.register("labelTaskWithTeam", new TeamDelegates().labelTaskWithTeam());
        Mocks.register("freshFormAnswers", new FreshFormAnswers());
        Mocks.register("challengeTimes", new ChallengeTimes(Duration.ofDays(15)));
        Mocks.register("challengePanels", new Panels());
        Mocks.register("challengeTeams", teams);
        CutTeams cutTeams = new CutTeams();
        Mocks.register("gateOutcomes", cutTeams);
        Mocks.register("describeGateOutcome", (TaskListener) task -> task.setVariableLocal(GATE_OUTCOME,
                cutTeams.of(CHALLENGE, task.getAssignee())));
        Mocks.register("recordDemand", (JavaDelegate) execution -> {
            calls.add("record demand for " + execution.getVariable(PARALLEL_TEAMS) + " team(s)");
            execution.setVariable(CHALLENGE_ID, CHALLENGE);
            execution.setVariable("callId", 8L);
            execution.setVariable(PROJECT_ID, 9L);
            execution.setVariable(PROJECT_CODE, CODE);
            execution.setVariable(OWNER_NAME, "发榜企业");
            execution.setVariable(HORSE_RACE, ((Number) execution.getVariable(PARALLEL_TEAMS)).intValue() > 1);
            execution.setVariable("committedDisplay", "500.00万元");
        });
        Mocks.register("rejectDemand", ending.rejectDemand(challenges));
        Mocks.register("preparePublication", (TaskListener) task -> task.getExecution().removeVariable(CLOSES_ON));
        Mocks.register("publishChallenge", (JavaDelegate) execution -> {
            publishRound++;
            calls.add("publish round " + publishRound + " until " + execution.getVariable(CLOSES_ON));
            execution.setVariable(PUBLISH_ROUND, publishRound);
            execution.removeVariable(REPUBLISH_NOTE);
            execution.setVariable(CLOSES_AT, WINDOW_CLOSES);
            execution.setVariable("closesDisplay", execution.getVariable(CLOSES_ON) + " 23:59");
        });
        Mocks.register("closeChallengeWindow", (JavaDelegate) execution -> calls.add("close window"));
        Mocks.register("cancelChallenge", ending.cancelChallenge(challenges));
        Mocks.register("checkTeamReviewsFinished", (JavaDelegate) execution -> {
            calls.add(unsettled + " unsettled");
            execution.setVariable(PENDING_APPLICATIONS, unsettled);
            execution.setVariable(REVIEWS_FINISHED, unsettled == 0);
        });
        Mocks.register("listQualified", (JavaDelegate) execution -> execution.setVariable(QUALIFIED_COUNT, qualified));
        Mocks.register("prepareSelection", (TaskListener) task ->
                task.setVariableLocal(QUALIFIED_SUMMARY, qualified + "个合格揭榜申请"));
        Mocks.register("markUnfilled", ending.markUnfilled(challenges));
        Mocks.register("recordSelection", (JavaDelegate) execution -> {
            String applications = (String) execution.getVariable(SELECTED_APPLICATIONS);
            for (String application : applications.split(",")) {
                Team team = new Team(Long.parseLong(application) - 100, APPLICANTS.get(application).get(0),
                        APPLICANTS.get(application).get(1));
                teams.selected.put(team.id, team);
            }
            calls.add("select " + applications);
            execution.removeVariables(List.of(OWNER_ASSESSMENT, QUALIFIED_SUMMARY, QUALIFIED_OPTIONS));
        });
        Mocks.register("prepareContract", (JavaDelegate) execution -> {
            Team team = teams.of(execution);
            execution.setVariable(SOLVER, team.solver);
            execution.setVariable(TEAM_NAME, team.name);
            execution.setVariable("quoteDisplay", team.name + "《揭榜方案》，报价450万元");
            execution.setVariable(CONTRACT_INDICATORS, "产品纯度≥99.5%");
        });
        Mocks.register("signContract", (JavaDelegate) execution -> {
            Team team = teams.of(execution);
            String payments = (String) execution.getVariable(CONTRACT_PAYMENTS);
            team.status = ChallengeTeam.CONTRACTED;
            team.milestones = (int) payments.lines().count();
            calls.add("sign " + team.name + " paying " + String.join("/", payments.lines().toList()));
        });
        Mocks.register("planSupport", (JavaDelegate) execution -> {
            calls.add("plan support");
            execution.setVariable("supportDisplay", "150.00万元");
            execution.setVariable("supportNote", "按发榜方实际支付额的30%分阶段支持");
        });
        Mocks.register("stageGate", (JavaDelegate) execution -> {
            List<Team> ranked = teams.selected.values().stream().filter(t -> t.passed.contains(1))
                    .sorted(Comparator.comparingInt((Team t) -> t.stageScore).reversed()).toList();
            ranked.stream().skip(1).forEach(t -> t.status = ChallengeTeam.CUT);
            calls.add("stage gate keeps " + ranked.get(0).name);
            execution.setVariable(GATE_RESULT, ranked.stream().map(t -> t.name + "：" + (t == ranked.get(0)
                    ? "继续攻关" : "终止攻关，不再拨付")).collect(Collectors.joining("\n")));
        });
        Mocks.register("nextMilestone", (JavaDelegate) execution -> {
            Team team = teams.of(execution);
            execution.setVariable(SOLVER, team.solver);
            execution.setVariable(TEAM_NAME, team.name);
            execution.setVariable(MILESTONE_SEQ, team.nextMilestone());
            execution.setVariable(CONTRACT_INDICATORS, "产品纯度≥99.5%");
        });
        Mocks.register("concludeChallengeAcceptance", (ExecutionListener) execution -> {
            Team team = teams.of(execution);
            team.status = PASS.equals(execution.getVariable(PANEL_VERDICT)) ? ChallengeTeam.ACCEPTED : ChallengeTeam.FAILED;
            calls.add("acceptance of " + team.name + " " + execution.getVariable(SIGN_OFF_DECISION) + " "
                    + execution.getVariable(PANEL_VERDICT));
        });
        Mocks.register("closeChallenge", (JavaDelegate) execution -> {
            boolean solved = teams.selected.values().stream().anyMatch(t -> ChallengeTeam.ACCEPTED.equals(t.status));
            calls.add(solved ? "close solved" : "close failed");
            execution.setVariable("challengeSolved", solved);
        });
        // One task for the whole panel (论证 or a team's acceptance), which reports its verdict and findings.
        steps.stub(Bpmn.createExecutableProcess(ExpertPanelProcess.KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubPanel").userTask(PANEL_TASK).endEvent("EndEvent_StubPanel").done(), "ExpertPanel");
        // One task for a team's milestone: the test records whether it was met, as the milestone's steps would.
        steps.stub(Bpmn.createExecutableProcess(MILESTONE_KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_StubMilestone").userTask(MILESTONE_TASK).endEvent("EndEvent_StubMilestone").done(),
                "ChallengeMilestone");
    }

    /** The next class shares the engine: the stubs, login, beans and assertions' engine go. */
    @AfterEach
    void forget() {
        steps.forget();
    }

    /** The 发榜方 registers its demand: 500万 to the solver, {@code parallelTeams} teams (more than one: 赛马制). */
    private ProcessInstance post(int parallelTeams) {
        processEngine.getIdentityService().setAuthenticatedUserId(OWNER);
        ProcessInstance challenge;
        try {
            challenge = processEngine.getRuntimeService().startProcessInstanceByKey(KEY);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(steps.open(TASK_REGISTER)).isAssignedTo(OWNER);
        steps.complete(TASK_REGISTER, OWNER, Map.of(TITLE, "高纯度原料药连续合成工艺", CHALLENGE_TEXT, "现有批次工艺纯度不足",
                INDICATORS, "产品纯度≥99.5%\n收率≥85%", SOLVE_BY, "2028-12-31", COMMITTED_WAN, "500",
                PARALLEL_TEAMS, parallelTeams));
        assertThat(challenge).isWaitingAt(TASK_CHECK);
        assertThat(steps.open(TASK_CHECK)).hasCandidateGroup("pm-kjj");
        return challenge;
    }

    /** Checked by the manager, validated by the experts and published: the window is open. */
    private ProcessInstance published(int parallelTeams) {
        ProcessInstance challenge = post(parallelTeams);
        steps.complete(TASK_CHECK, "kjj", Map.of(CHECK_DECISION, PASS));
        panelConcludes(PASS, "专家1：通过。");
        assertThat(challenge).isWaitingAt(TASK_PUBLISH);
        publish();
        assertThat(challenge).isWaitingAt(TASK_WINDOW);
        return challenge;
    }

    private void publish() {
        assertThat(steps.open(TASK_PUBLISH)).hasCandidateGroup("pm-kjj");
        steps.complete(TASK_PUBLISH, "kjj", Map.of(CLOSES_ON, "2026-12-31", INDICATORS, "产品纯度≥99.5%\n收率≥85%",
                COMMITTED_WAN, "500"));
    }

    /** The manager closed the window, every application is settled and {@code qualifiedTeams} qualified. */
    private ProcessInstance atSelection(int parallelTeams, int qualifiedTeams) {
        ProcessInstance challenge = published(parallelTeams);
        qualified = qualifiedTeams;
        steps.complete(TASK_WINDOW, "kjj", Map.of(WINDOW_ACTION, CLOSE));
        assertThat(challenge).isWaitingAt(TASK_SELECT);
        return challenge;
    }

    private void select(String applications) {
        assertThat(steps.open(TASK_SELECT)).isAssignedTo(OWNER);
        steps.complete(TASK_SELECT, OWNER, Map.of(SELECTION_ACTION, SELECT, SELECTED_APPLICATIONS, applications,
                OWNER_ASSESSMENT, "方案可行，报价合理"));
    }

    /** The 发榜方 drafts the team's contract with these payments (one line per milestone, the last one acceptance). */
    private void draftContract(String team, String payments) {
        StringBuilder milestones = new StringBuilder();
        for (int seq = 1; seq <= payments.lines().count(); seq++) {
            milestones.append("2027-0").append(seq).append("-30 第").append(seq).append("阶段\n");
        }
        steps.complete(openFor(TASK_DRAFT_CONTRACT, team), OWNER, Map.of(CONTRACT_MILESTONES, milestones.toString(),
                CONTRACT_PAYMENTS, payments, CONTRACT_INDICATORS, "产品纯度≥99.5%；收率≥85%"));
    }

    private void signContract(String team, String payments) {
        draftContract(team, payments);
        Task accept = openFor(TASK_ACCEPT_CONTRACT, team);
        steps.complete(accept, accept.getAssignee(), Map.of(CONTRACT_ACCEPTANCE, AGREE));
        steps.complete(openFor(TASK_COUNTERSIGN, team), "kjj", Map.of(COUNTERSIGN_DECISION, APPROVE));
    }

    /** The running milestone of that team and number. */
    private String milestoneInstance(long team, int seq) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MILESTONE_KEY).list()
                .stream().map(ProcessInstance::getId).filter(id -> {
                    Map<String, Object> vars = processEngine.getRuntimeService().getVariables(id);
                    return ((Number) vars.get(TEAM_ID)).longValue() == team
                            && ((Number) vars.get(MILESTONE_SEQ)).intValue() == seq;
                }).findFirst().orElseThrow(() -> new AssertionError("no milestone " + seq + " of team " + team));
    }

    /** What the challenge handed the team's milestone. */
    private Map<String, Object> milestone(long team, int seq) {
        return processEngine.getRuntimeService().getVariables(milestoneInstance(team, seq));
    }

    /** The team's milestone ends, met (with the 发榜方's stage score) or not (the experts upheld a dispute). */
    private void milestoneEnds(long teamId, int seq, boolean met, int stageScore) {
        String instance = milestoneInstance(teamId, seq);
        Team team = teams.team(teamId);
        if (met) {
            team.passed.add(seq);
            team.stageScore = seq == 1 ? stageScore : team.stageScore;
        } else {
            team.status = ChallengeTeam.FAILED;
        }
        calls.add("milestone " + seq + " of " + team.name + (met ? " met" : " not met"));
        steps.complete(taskQuery().processInstanceId(instance).singleResult(), team.solver, Map.of());
    }

    /** The running panel, with what the challenge handed it. */
    private Map<String, Object> panel() {
        return processEngine.getRuntimeService().getVariables(processEngine.getRuntimeService()
                .createProcessInstanceQuery().processDefinitionKey(ExpertPanelProcess.KEY).singleResult().getId());
    }

    private void panelConcludes(String verdict, String findings) {
        steps.complete(PANEL_TASK, "expert1", Map.of(ExpertPanelProcess.PANEL_VERDICT, verdict,
                ExpertPanelProcess.PANEL_FINDINGS, findings));
    }

    /** The open task of that id for that team (its name says which team it is about). */
    private Task openFor(String taskKey, String team) {
        return taskQuery().taskDefinitionKey(taskKey).taskNameLike("% · " + team).singleResult();
    }

    private Object taskVariable(Task task, String name) {
        return processEngine.getTaskService().getVariable(task.getId(), name);
    }

    private Object variable(ProcessInstance challenge, String name) {
        return processEngine.getRuntimeService().getVariable(challenge.getId(), name);
    }

    /** An application of the challenge ends (rejected at the formal check or reviewed): it tells the challenge. */
    private void anApplicationIsSettled(ProcessInstance challenge) {
        unsettled--;
        processEngine.getRuntimeService().createMessageCorrelation(FundingApplicationProcess.APPLICATION_SETTLED)
                .processInstanceId(challenge.getId()).correlateAll();
        steps.runDueJobs();
    }

    @Test
    void rejectsADemandTheManagerFindsUnfitWithTheReason() {
        ProcessInstance challenge = post(1);

        steps.complete(TASK_CHECK, "kjj", Map.of(CHECK_DECISION, REJECT, CHECK_COMMENT, "属于常规产品开发"));

        assertThat(challenge).isEnded().hasPassed(END_REJECTED).hasNotPassed("CallActivity_ValidationPanel", TASK_PUBLISH);
        assertThat(calls).containsExactly("record demand for 1 team(s)", "REJECTED 形式审查驳回：属于常规产品开发");
    }

    @Test
    void rejectsADemandTheExpertsFindUnmeasurableWithTheirFindings() {
        ProcessInstance challenge = post(1);
        steps.complete(TASK_CHECK, "kjj", Map.of(CHECK_DECISION, PASS));

        assertThat(challenge).isWaitingAt("CallActivity_ValidationPanel");
        assertThat(panel()).containsEntry(ExpertPanelProcess.STAGE, ProjectAssessment.VALIDATION)
                .containsEntry(ExpertPanelProcess.ROUND, 1L).containsEntry(ExpertPanelProcess.ORGANIZATION_ID, ORGANIZATION)
                .containsEntry(ExpertPanelProcess.RECTIFY_ALLOWED, false)
                .containsEntry(ExpertPanelProcess.ALLOWED_VERDICTS, "PASS,FAIL")
                .containsEntry(ExpertPanelProcess.DEADLINE, "PT360H").containsEntry(ExpertPanelProcess.FORM, "ChallengeValidationForm")
                .containsEntry(ExpertPanelProcess.PROJECT_CODE, CODE).containsEntry(INDICATORS, "产品纯度≥99.5%\n收率≥85%")
                .containsEntry("committedDisplay", "500.00万元");
        panelConcludes(FAIL, "专家1：不通过。指标“纯度很高”不可量化");

        assertThat(challenge).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_PUBLISH);
        assertThat(calls).containsExactly("record demand for 1 team(s)",
                "REJECTED 专家论证未通过：专家1：不通过。指标“纯度很高”不可量化");
    }

    @Test
    void theOwnerCancelsDuringTheWindowWithTheReason() {
        ProcessInstance challenge = published(1);
        assertThat(steps.open(TASK_WINDOW)).as("the 发榜方 may cancel, the manager may close early")
                .hasCandidateUser(OWNER).hasCandidateGroup("pm-kjj");
        assertThat(processEngine.getManagementService().createJobQuery().timers().activityId(WINDOW_CLOSED)
                .singleResult().getDuedate()).as("the window closes itself on its last day").isEqualTo(WINDOW_CLOSES);

        steps.complete(TASK_WINDOW, OWNER, Map.of(WINDOW_ACTION, CANCEL, CANCEL_REASON, "已自行攻克"));

        assertThat(challenge).isEnded().hasPassed(END_CANCELLED).hasNotPassed("ServiceTask_CloseChallengeWindow");
        assertThat(calls).endsWith("publish round 1 until 2026-12-31", "CANCELLED 发榜方取消：已自行攻克");
        assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
    }

    @Test
    void republishesOnceAfterTheWindowClosedWithoutQualifiedTeamsAndEndsUnfilledAfterTheSecond() {
        ProcessInstance challenge = published(1);
        steps.deadlinePasses(WINDOW_CLOSED);

        assertThat(challenge).isWaitingAt(TASK_REPUBLISH);
        assertThat(steps.open(TASK_REPUBLISH)).hasCandidateGroup("pm-kjj");
        assertThat(variable(challenge, PUBLISH_ROUND)).isEqualTo(1);
        steps.complete(TASK_REPUBLISH, "kjj", Map.of(REPUBLISH_DECISION, REPUBLISH, REPUBLISH_NOTE, "放宽指标后重新发榜"));
        assertThat(challenge).isWaitingAt(TASK_PUBLISH);
        publish();
        assertThat(challenge).isWaitingAt(TASK_WINDOW);
        steps.complete(TASK_WINDOW, "kjj", Map.of(WINDOW_ACTION, CLOSE));

        assertThat(challenge).isEnded().hasPassed(WINDOW_CLOSED, END_UNFILLED).hasNotPassed(TASK_SELECT);
        assertThat(calls).containsExactly("record demand for 1 team(s)", "publish round 1 until 2026-12-31",
                "close window", "0 unsettled", "publish round 2 until 2026-12-31", "close window", "0 unsettled",
                "UNFILLED 流标：第2次发榜无合格揭榜申请");
    }

    @Test
    void theManagerMayEndAnUnfilledChallengeAtOnceWithANote() {
        ProcessInstance challenge = published(1);
        steps.deadlinePasses(WINDOW_CLOSED);

        steps.complete(TASK_REPUBLISH, "kjj", Map.of(REPUBLISH_DECISION, END, REPUBLISH_NOTE, "需求已变化"));

        assertThat(challenge).isEnded().hasPassed(END_UNFILLED).hasNotPassed(TASK_SELECT);
        assertThat(calls).endsWith("UNFILLED 流标：第1次发榜无合格揭榜申请；需求已变化");
        assertThat(calls).filteredOn(call -> call.startsWith("publish")).hasSize(1);
    }

    @Test
    void theOwnerSelectsOnlyAfterTheLastApplicationIsSettledAndMayCancelThere() {
        ProcessInstance challenge = published(1);
        unsettled = 3;
        qualified = 1;
        anApplicationIsSettled(challenge);
        assertThat(challenge).as("a challenge not yet waiting is not affected").isWaitingAt(TASK_WINDOW);

        steps.complete(TASK_WINDOW, "kjj", Map.of(WINDOW_ACTION, CLOSE));
        assertThat(challenge).isWaitingAt(AWAIT_REVIEWS);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(challenge.getId()).count())
                .as("the challenge waits for the message alone, no timer polls").isZero();
        anApplicationIsSettled(challenge);
        assertThat(challenge).isWaitingAt(AWAIT_REVIEWS);
        anApplicationIsSettled(challenge);

        assertThat(challenge).isWaitingAt(TASK_SELECT);
        assertThat(taskVariable(steps.open(TASK_SELECT), QUALIFIED_SUMMARY)).isEqualTo("1个合格揭榜申请");
        steps.complete(TASK_SELECT, OWNER, Map.of(SELECTION_ACTION, CANCEL, CANCEL_REASON, "报价均过高"));

        assertThat(challenge).isEnded().hasPassed(APPLICATION_SETTLED, END_CANCELLED).hasNotPassed("ServiceTask_RecordSelection");
        assertThat(calls).endsWith("close window", "2 unsettled", "1 unsettled", "0 unsettled",
                "CANCELLED 发榜方取消：报价均过高");
    }

    @Test
    void oneTeamSignsAfterAnObjectionAndAReturnPassesEveryMilestoneAndSolvesTheChallenge() {
        ProcessInstance challenge = atSelection(1, 1);
        select("101");

        Task draft = openFor(TASK_DRAFT_CONTRACT, FIRST);
        assertThat(draft).isAssignedTo(OWNER);
        assertThat(taskVariable(draft, "quoteDisplay")).isEqualTo("甲团队《揭榜方案》，报价450万元");
        assertThat(taskVariable(draft, SELECTED_APPLICATIONS)).as("the team's steps do not read the selection").isNull();
        draftContract(FIRST, "0\n200\n300");
        Task accept = openFor(TASK_ACCEPT_CONTRACT, FIRST);
        assertThat(accept).isAssignedTo("solver1");
        steps.complete(accept, "solver1", Map.of(CONTRACT_ACCEPTANCE, OBJECT, SOLVER_COMMENT, "第二阶段期限过紧"));
        assertThat(taskVariable(openFor(TASK_DRAFT_CONTRACT, FIRST), SOLVER_COMMENT)).as("the 发榜方 reads the objection")
                .isEqualTo("第二阶段期限过紧");
        draftContract(FIRST, "0\n200\n300");
        accept = openFor(TASK_ACCEPT_CONTRACT, FIRST);
        assertThat(taskVariable(accept, CONTRACT_ACCEPTANCE)).as("the team answers afresh").isNull();
        assertThat(taskVariable(accept, SOLVER_COMMENT)).isNull();
        steps.complete(accept, "solver1", Map.of(CONTRACT_ACCEPTANCE, AGREE));
        assertThat(openFor(TASK_COUNTERSIGN, FIRST)).hasCandidateGroup("pm-kjj");
        steps.complete(openFor(TASK_COUNTERSIGN, FIRST), "kjj", Map.of(COUNTERSIGN_DECISION, RETURN, COUNTERSIGN_COMMENT, "补充验收方式"));
        assertThat(taskVariable(openFor(TASK_DRAFT_CONTRACT, FIRST), COUNTERSIGN_COMMENT)).as("the 发榜方 reads why")
                .isEqualTo("补充验收方式");
        draftContract(FIRST, "0\n200\n300");
        steps.complete(openFor(TASK_ACCEPT_CONTRACT, FIRST), "solver1", Map.of(CONTRACT_ACCEPTANCE, AGREE));
        assertThat(taskVariable(openFor(TASK_COUNTERSIGN, FIRST), COUNTERSIGN_DECISION)).isNull();
        assertThat(calls).doesNotContain("plan support");
        steps.complete(openFor(TASK_COUNTERSIGN, FIRST), "kjj", Map.of(COUNTERSIGN_DECISION, APPROVE));

        assertThat(challenge).isWaitingAt("CallActivity_FirstMilestone");
        assertThat(milestone(1, 1)).containsEntry("owner", OWNER).containsEntry(ACCEPTANCE, false)
                .containsEntry(CHALLENGE_ID, CHALLENGE).containsEntry(OWNER_NAME, "发榜企业");
        milestoneEnds(1, 1, true, 90);
        assertThat(challenge).isWaitingAt("CallActivity_Milestone");
        milestoneEnds(1, 2, true, 85);

        Task report = openFor(TASK_SUBMIT_ACCEPTANCE, FIRST);
        assertThat(report).isAssignedTo("solver1");
        assertThat(report.getName()).isEqualTo("提交验收材料 · 甲团队");
        steps.complete(report, "solver1", Map.of(FINAL_REPORT, "全部完成", ACHIEVED_INDICATORS, "纯度99.6%，收率87%"));
        assertThat(openFor(TASK_SIGN_OFF, FIRST)).isAssignedTo(OWNER);
        steps.complete(openFor(TASK_SIGN_OFF, FIRST), OWNER, Map.of(SIGN_OFF_DECISION, SIGN));
        assertThat(panel()).containsEntry(ExpertPanelProcess.STAGE, ProjectAssessment.ACCEPTANCE)
                .containsEntry(ExpertPanelProcess.APPLICATION_ID, 101L).containsEntry(ExpertPanelProcess.TEAM_ID, 1L)
                .containsEntry(ExpertPanelProcess.TEAM_NAME, FIRST).containsEntry(ExpertPanelProcess.RECTIFY_ALLOWED, false)
                .containsEntry(FINAL_REPORT, "全部完成").containsEntry(SIGN_OFF_DECISION, SIGN);
        panelConcludes(PASS, "专家1：通过。");
        assertThat(milestone(1, 3)).as("the acceptance milestone is paid after the passed acceptance")
                .containsEntry(ACCEPTANCE, true).containsEntry(FINDINGS, "专家1：通过。");
        milestoneEnds(1, 3, true, 0);

        assertThat(challenge).isEnded().hasPassed("EndEvent_ContractSigned", "EndEvent_TeamAccepted", END_SOLVED)
                .hasNotPassed("ServiceTask_StageGate", "EndEvent_TeamStopped", "EndEvent_TeamFailedAcceptance");
        assertThat(calls).containsSubsequence("select 101", "sign 甲团队 paying 0/200/300", "plan support",
                "milestone 1 of 甲团队 met", "milestone 2 of 甲团队 met", "acceptance of 甲团队 SIGN PASS",
                "milestone 3 of 甲团队 met", "close solved");
        assertThat(calls).filteredOn(call -> call.startsWith("sign")).as("signed once, after the countersign").hasSize(1);
        assertThat(labelled).as("every task a person opens names the challenge").containsExactlyInAnyOrder(TASK_CHECK,
                TASK_PUBLISH, TASK_WINDOW, TASK_SELECT, TASK_DRAFT_CONTRACT, TASK_ACCEPT_CONTRACT, TASK_COUNTERSIGN,
                TASK_SUBMIT_ACCEPTANCE, TASK_SIGN_OFF);
    }

    @Test
    void aHorseRaceKeepsTheBestTeamAtTheStageGateAndFailsWhenItFailsAcceptance() {
        ProcessInstance challenge = atSelection(2, 2);
        select("101,102");
        assertThat(taskQuery().taskDefinitionKey(TASK_DRAFT_CONTRACT).list()).as("one contract per team").hasSize(2);
        signContract(FIRST, "200\n300");
        assertThat(calls).doesNotContain("plan support");
        signContract(SECOND, "200\n300");

        assertThat(taskQuery().taskDefinitionKey(MILESTONE_TASK).list()).as("both teams work on their first milestone")
                .hasSize(2);
        milestoneEnds(2, 1, true, 60);
        assertThat(challenge).isWaitingAt("CallActivity_FirstMilestone");
        milestoneEnds(1, 1, true, 90);

        assertThat(variable(challenge, GATE_RESULT)).isEqualTo("甲团队：继续攻关\n乙团队：终止攻关，不再拨付");
        Task told = taskQuery().taskDefinitionKey(TASK_READ_GATE_OUTCOME).singleResult();
        assertThat(told.getAssignee()).as("the cut team is told, in its own task list").isEqualTo("solver2");
        assertThat(taskVariable(told, GATE_OUTCOME)).isEqualTo("乙团队：终止攻关，不再拨付");
        assertThat(taskVariable(told, GATE_RESULT)).as("not the other teams' results").isNull();
        steps.complete(told, "solver2", Map.of());
        Task report = openFor(TASK_SUBMIT_ACCEPTANCE, FIRST);
        assertThat(taskQuery().taskDefinitionKey(TASK_SUBMIT_ACCEPTANCE).list()).singleElement()
                .extracting(Task::getAssignee).isEqualTo("solver1");
        for (String hidden : List.of(GATE_RESULT, "supportDisplay", "supportNote", SELECTED_APPLICATIONS,
                COUNTERSIGN_COMMENT)) {
            assertThat(taskVariable(report, hidden)).as("the team's task does not read " + hidden).isNull();
        }
        steps.complete(report, "solver1", Map.of(FINAL_REPORT, "完成", ACHIEVED_INDICATORS, "纯度99.1%"));
        steps.complete(openFor(TASK_SIGN_OFF, FIRST), OWNER, Map.of(SIGN_OFF_DECISION, REFUSE, SIGN_OFF_OPINION, "纯度未达标"));
        assertThat(panel()).containsEntry(SIGN_OFF_OPINION, "纯度未达标");
        panelConcludes(FAIL, "专家1：不通过。纯度未达99.5%");

        assertThat(challenge).isEnded().hasPassed("ServiceTask_StageGate", "EndEvent_GateOutcomeRead",
                        "EndEvent_TeamFailedAcceptance", END_FAILED)
                .hasNotPassed("CallActivity_FinalPayment", "CallActivity_Milestone");
        assertThat(calls).containsSubsequence("sign 甲团队 paying 200/300", "sign 乙团队 paying 200/300", "plan support",
                "stage gate keeps 甲团队", "acceptance of 甲团队 REFUSE FAIL", "close failed");
        assertThat(calls).filteredOn(call -> call.contains("乙团队")).as("the cut team is not assessed again")
                .containsExactly("sign 乙团队 paying 200/300", "milestone 1 of 乙团队 met");
    }

    @Test
    void aTeamThatMissesAMilestoneStopsAndTheChallengeFails() {
        ProcessInstance challenge = atSelection(1, 1);
        select("101");
        signContract(FIRST, "100\n100\n300");
        milestoneEnds(1, 1, true, 80);

        milestoneEnds(1, 2, false, 30);

        assertThat(challenge).isEnded().hasPassed("EndEvent_TeamStopped", END_FAILED)
                .hasNotPassed(TASK_SUBMIT_ACCEPTANCE, "CallActivity_TeamAcceptancePanel");
        assertThat(calls).endsWith("milestone 2 of 甲团队 not met", "close failed");
    }
}
