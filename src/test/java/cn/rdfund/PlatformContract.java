package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.application.Application;
import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.audit.CaseSearchIndex;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.challenge.Challenge;
import cn.rdfund.challenge.ChallengeProcess;
import cn.rdfund.challenge.ChallengeService;
import cn.rdfund.challenge.ChallengeTeam;
import cn.rdfund.challenge.ChallengeTeams;
import cn.rdfund.claim.ClaimService;
import cn.rdfund.claim.PolicyClaim;
import cn.rdfund.claim.PolicyClaimProcess;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.execution.ProjectExecutionProcess;
import cn.rdfund.expert.Expert;
import cn.rdfund.expert.ExpertRepository;
import cn.rdfund.ledger.DuplicateLedgerEntryException;
import cn.rdfund.ledger.Ledger;
import cn.rdfund.ledger.LedgerChain;
import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerEntryKind;
import cn.rdfund.ledger.LedgerPosting;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.review.ProjectAssessment;
import cn.rdfund.selection.FundingCallProcess;
import cn.rdfund.support.AttackMatrix;
import cn.rdfund.support.ChallengeDriver;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.ProjectScenarios;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.TestData;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the platform must guarantee on every supported database; one subclass per database boots the
 * whole application against it. Every test works on calls, organizations and projects of its own.
 */
abstract class PlatformContract {

    @Autowired
    CaseSearchIndex caseSearchIndex;

    @Autowired
    Flyway flyway;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    ExpertRepository experts;

    @Autowired
    FundingCallRepository calls;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ProjectRepository projects;

    @Autowired
    Ledger ledger;

    @Autowired
    ProcessDriver driver;

    @Autowired
    LedgerRepository ledgerEntries;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ChallengeDriver challengeDriver;

    @Autowired
    ChallengeService challenges;

    @Autowired
    ChallengeTeams challengeTeams;

    @Autowired
    ClaimDriver claimDriver;

    @Autowired
    LedgerChain ledgerChain;

    @Autowired
    ClaimService claims;

    @Autowired
    ProjectScenarios scenarios;

    @LocalServerPort
    int port;

    abstract List<String> expectedMigrations();

    abstract String expectedCamundaDatabaseType();

    /**
     * The allow-list holds on this database: every engine operation Camunda documents is classified, and as every demo
     * role, through /engine-rest and through the webapps' engine API, exactly the operations the allow-list gives are
     * let through (docs/security.md); the same for every operation of RDFund's API.
     */
    @Test
    void theAllowListHoldsForEveryOperationAsEveryRoleThroughEveryDoor() {
        AttackMatrix matrix = new AttackMatrix(port);

        assertThat(matrix.unclassifiedEngineOperations()).as("engine operations nobody classified").isEmpty();
        assertThat(matrix.staleEngineOperations()).as("listed operations Camunda does not have").isEmpty();
        assertThat(matrix.engineViolations()).isEmpty();
        assertThat(matrix.apiViolations()).isEmpty();
    }

    @Test
    void migratesTheDomainSchema() {
        List<String> applied = Arrays.stream(flyway.info().applied())
                .filter(migration -> migration.getVersion() != null)
                .map(migration -> migration.getVersion().getVersion())
                .toList();

        assertThat(applied).containsExactlyElementsOf(expectedMigrations());
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void runsTheEngineWithAuthorizationsOnReadCommitted() throws Exception {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.getDatabaseType()).isEqualTo(expectedCamundaDatabaseType());
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    /**
     * Authorization checks read only the caller's grants of the resource type they check, not every grant of a
     * unit, finance or the auditors (one more per finished case): indexes Camunda's scripts lack, made at start.
     */
    @Test
    void indexesTheGrantsByGroupOrUserAndResourceType() throws Exception {
        Set<String> indexes = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("ACT_RU_AUTHORIZATION", "act_ru_authorization")) {
                try (ResultSet rows = connection.getMetaData().getIndexInfo(connection.getCatalog(),
                        connection.getSchema(), table, false, true)) {
                    while (rows.next()) {
                        indexes.add(String.valueOf(rows.getString("INDEX_NAME")).toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        assertThat(indexes).contains("RDF_IDX_AUTH_GROUP_RES", "RDF_IDX_AUTH_USER_RES");
    }

    /**
     * Only auditors hold revokes (the panel seal), whoever writes the row: what lets every authorization check skip
     * Camunda's "does the caller hold a revoke?" query (AuthorizationChecksPlugin). Made at start.
     */
    @Test
    void theDatabaseRefusesARevokeForAnyoneButAuditors() throws Exception {
        String insert = "INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_,"
                + " RESOURCE_ID_, PERMS_) VALUES (?, 1, 2, ?, ?, 7, ?, -3)";
        String task = "platform-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (String[] principal : new String[][] {{"pm-kjj", null}, {null, "kjj"}, {null, null}}) {
                    try (PreparedStatement statement = connection.prepareStatement(insert)) {
                        statement.setString(1, UUID.randomUUID().toString());
                        statement.setString(2, principal[0]);
                        statement.setString(3, principal[1]);
                        statement.setString(4, task);
                        assertThatThrownBy(statement::executeUpdate).as("revoke for %s", (Object) principal)
                                .isInstanceOf(SQLException.class);
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setString(2, "auditors");
                    statement.setString(3, null);
                    statement.setString(4, task);
                    assertThat(statement.executeUpdate()).isEqualTo(1);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void deploysCamundaFormsWithTheProcessesThatUseThem() throws Exception {
        String processInstanceId = processEngine.getRuntimeService().startProcessInstanceByKey("PlatformProbe").getId();
        String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .singleResult().getId();

        try (InputStream form = processEngine.getFormService().getDeployedTaskForm(taskId)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"PlatformProbeForm\"", "意见");
        }
    }

    /** The same end-to-end run on every database: one key-technology project from call to acceptance. */
    @Test
    void runsAKeyTechnologyProjectFromCallToAcceptance() {
        ProcessInstance call = lifecycle.publishCall("1000");
        long callId = (Long) processEngine.getRuntimeService().getVariable(call.getId(), FundingCallProcess.CALL_ID);
        String applicant = lifecycle.newApplicant("数据库契约");
        ProcessInstance application = lifecycle.applyAndReview(call, applicant, "影像设备研发", "300.5", 80);
        Application stored = applications.findByProcessInstanceId(application.getId()).orElseThrow();
        assertThat(stored.status()).isEqualTo("REVIEWED");
        assertThat(stored.requestedAmount()).isEqualTo(new BigDecimal("3005000.00"));
        assertThat(calls.findById(callId).orElseThrow().areas()).hasSize(6);

        lifecycle.closeWindow(call);
        lifecycle.endNotice(call);
        Project project = projects.findByApplicationId(stored.id()).orElseThrow();
        ProcessInstance execution = lifecycle.projectOf(project.code());
        LocalDate today = LifecycleDriver.TODAY;
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_DRAFT_AGREEMENT, applicant, Map.of(
                ProjectExecutionProcess.MILESTONES, today.plusMonths(6) + " 样机\n" + today.plusMonths(12) + " 验收",
                ProjectExecutionProcess.MIDTERM_DATE, today.plusMonths(7).toString(),
                ProjectExecutionProcess.INDICATORS, "样机1台"));
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_APPROVE_AGREEMENT, "kjj",
                Map.of(ProjectExecutionProcess.AGREEMENT_DECISION, ProjectExecutionProcess.APPROVE));
        approvePayment(execution);
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_START_MIDTERM, "kjj", Map.of());
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_REPORT_PROGRESS, applicant, Map.of(
                ProjectExecutionProcess.PROGRESS_REPORT, "按期", ProjectExecutionProcess.SPENT_WAN, "100"));
        assess(execution, ProjectAssessment.MIDTERM);
        approvePayment(execution);
        lifecycle.complete(execution, ProjectExecutionProcess.TASK_FINAL_REPORT, applicant, Map.of(
                ProjectExecutionProcess.FINAL_REPORT_ACTION, ProjectExecutionProcess.SUBMIT,
                ProjectExecutionProcess.FINAL_REPORT, "完成", ProjectExecutionProcess.ACHIEVED_INDICATORS, "样机1台",
                ProjectExecutionProcess.AUDIT_REPORT_NO, "审-001", ProjectExecutionProcess.SPENT_WAN, "240.4"));
        assess(execution, ProjectAssessment.ACCEPTANCE);
        approvePayment(execution);

        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getId()).singleResult().getEndActivityId())
                .isEqualTo(ProjectExecutionProcess.END_ACCEPTED);
        assertThat(ledgerEntries.findByProjectIdOrderByIdAsc(project.id())).extracting(LedgerEntry::amount)
                .containsExactly(new BigDecimal("1202000.00"), new BigDecimal("1202000.00"), new BigDecimal("601000.00"));
    }

    /**
     * The same on every database for 揭榜挂帅: a 赛马 of two teams, one cut at the stage gate, the support to the
     * 发榜方 paid stage by stage (30 % of what it paid) and settled at what it received.
     */
    @Test
    void runsAHorseRaceFromDemandToTheLastSupportStage() {
        String owner = lifecycle.newApplicant("契约发榜方");
        ProcessInstance challenge = challengeDriver.published(owner, 2);
        ProcessInstance first = challengeDriver.apply(challenge, "契约甲团队", 88);
        ProcessInstance second = challengeDriver.apply(challenge, "契约乙团队", 80);
        challengeDriver.closeWindow(challenge);
        challengeDriver.select(challenge, owner, List.of(challengeDriver.applicationId(first), challengeDriver.applicationId(second)));
        challengeDriver.signContracts(challenge, owner, "199.999999\n300.000001");
        Challenge race = challenges.ofProcess(challenge.getId());
        assertThat(race.committedAmount()).isEqualTo(new BigDecimal("5000000.00"));
        assertThat(projects.findById(race.projectId()).orElseThrow().approvedAmount()).isEqualTo(new BigDecimal("3000000.00"));

        List<Task> reports = lifecycle.tasks(challenge, ChallengeProcess.TASK_REPORT_MILESTONE);
        challengeDriver.passMilestone(owner, reports.get(0), 90, "199.999999");
        challengeDriver.passMilestone(owner, reports.get(1), 60, "199.999999");
        assertThat(challengeTeams.of(race.id())).extracting(ChallengeTeam::status)
                .containsExactlyInAnyOrder(ChallengeTeam.CONTRACTED, ChallengeTeam.CUT);

        Task report = lifecycle.tasks(challenge, ChallengeProcess.TASK_SUBMIT_ACCEPTANCE).get(0);
        challengeDriver.done(report, report.getAssignee(), Map.of(ChallengeProcess.FINAL_REPORT, "完成",
                ChallengeProcess.ACHIEVED_INDICATORS, "纯度99.6%"));
        lifecycle.complete(challenge, ChallengeProcess.TASK_SIGN_OFF, owner, Map.of(ChallengeProcess.SIGN_OFF_DECISION,
                ChallengeProcess.SIGN));
        lifecycle.completePanel(challenge, ProjectAssessment.ACCEPTANCE, Map.of(ChallengeProcess.VERDICT,
                ChallengeProcess.PASS, ChallengeProcess.ASSESSMENT_COMMENT, "达到"));
        Task lastPayment = lifecycle.tasks(challenge, ChallengeProcess.TASK_DECLARE_PAYMENT).get(0);
        challengeDriver.pay(owner, lastPayment.getProcessInstanceId(), "300.000001");

        assertThat(challenges.ofProcess(challenge.getId()).status()).isEqualTo(Challenge.SOLVED);
        // each stage: 30 % of everything paid so far (1999999.99 + 1999999.99 + 3000000.01 yuan) rounded down to the
        // fen, less the earlier stages: never more in all than 30 % of what was paid
        assertThat(ledgerEntries.findByProjectIdOrderByIdAsc(race.projectId())).extracting(LedgerEntry::amount)
                .containsExactly(new BigDecimal("599999.99"), new BigDecimal("600000.00"), new BigDecimal("900000.00"));
        assertThat(projects.findById(race.projectId()).orElseThrow().fundedAmount()).isEqualTo(new BigDecimal("2099999.99"));
    }

    @Test
    void paysATalentAwardAfterAnotherPolicysAwardInThreeYearlyInstalments() {
        String claimant = lifecycle.newApplicant("人才企业");
        Map<String, Object> form = ClaimDriver.meetingConditions(ClaimDriver.form("P6.1", "2025-05-01"));
        form.put("talentCategory", "A");
        form.put("otherAwardWan", "1.5");
        form.put("otherAwardPolicy", "省级人才奖励");
        ProcessInstance claim = claimDriver.submit(claimant, form);
        claimDriver.check(claim, "rsj", PolicyClaimProcess.PASS, null);
        claimDriver.consultAll(claim);
        claimDriver.approve(claim, "rsj2");
        claimDriver.passNotice(claim, "rsj");
        claimDriver.financeApproves(claim);
        for (int year = 2; year <= 3; year++) {
            lifecycle.fireTimer(claim, PolicyClaimProcess.INSTALMENT_DUE);
            claimDriver.financeApproves(claim);
        }

        PolicyClaim paid = claims.ofProcess(claim.getId()).orElseThrow();
        assertThat(paid.status()).isEqualTo(PolicyClaim.PAID);
        assertThat(paid.payableAmount()).isEqualTo(new BigDecimal("285000.00"));
        assertThat(ledgerEntries.findByProjectIdOrderByIdAsc(paid.projectId())).extracting(LedgerEntry::amount)
                .containsExactly(new BigDecimal("96900.00"), new BigDecimal("94050.00"), new BigDecimal("94050.00"));
        LedgerChain.Verification verification = ledgerChain.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
    }

    private void approvePayment(ProcessInstance execution) {
        lifecycle.complete(execution, DisbursementProcess.TASK_APPROVE, "finance",
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
    }

    private void assess(ProcessInstance execution, String stage) {
        lifecycle.completePanel(execution, stage, Map.of(ProjectExecutionProcess.VERDICT, "PASS",
                ProjectExecutionProcess.ASSESSMENT_COMMENT, "同意"));
    }

    private void executeJobsOf(ProcessInstance instance) {
        processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable()
                .list().forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    }

    /** The audit read model's SQL (case search over four kinds, the ledger join, the dashboard) on this database. */
    @Test
    void auditorsFindATerminatedProjectAndReadItsTimelineExportsAndDashboard() {
        Project project = scenarios.terminatedWithRecovery("数据库审计时间线");
        Http auditor = Http.as(port, "auditor");

        assertThat(auditor.get("/api/audit/cases?q=数据库审计&kind=project&measure=P1.1a&year="
                + LifecycleDriver.TODAY.getYear()).body()).contains(project.code(), "\"district\":\"浑南区\"");
        assertThat(auditor.get("/api/audit/cases?q=数据库审计时间线").body()).contains("\"kind\":\"application\"");
        // Once indexed, the same words are found through the search index (audit.CaseSearchIndex), and so are two
        // letters of the code, in capitals or not (a range of the index's entries, UPPER on this database).
        caseSearchIndex.indexCasesCreatedBefore(LocalDateTime.now().plusHours(1));
        assertThat(auditor.get("/api/audit/cases?q=数据库审计时间线&kind=project").body()).contains(project.code());
        assertThat(auditor.get("/api/audit/cases?q=xm&kind=project").body()).contains(project.code());
        assertThat(auditor.get("/api/audit/cases?q=数据库审计时间线").body()).contains("\"kind\":\"application\"");
        String timeline = auditor.get("/api/audit/cases/project/" + project.id()).body();
        assertThat(timeline).contains("形式审查", "声明无利益冲突", "命中第", "\"amountDisplay\":\"120.00万元\"",
                "\"amountDisplay\":\"70.00万元\"", "\"amountDisplay\":\"30.00万元\"", "结束：项目实施");
        assertThat(auditor.get("/api/audit/cases/project/" + project.id() + "/timeline.xlsx").status()).isEqualTo(200);
        assertThat(auditor.get("/api/audit/ledger.csv?projectId=" + project.id()).body()).contains("追回到账", "40.00",
                "钱财（finance）");
        assertThat(auditor.get("/api/audit/dashboard").body()).contains("\"byDistrict\"", "\"已终止\"")
                .doesNotContain("\"TERMINATED\"")
                .containsPattern("\"asOf\":\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\"");
        assertDashboardAddsUpToTheLedger(auditor);
        assertDrillDownsListWhatTheChartsCount(auditor, project);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProjectExecutionProcess.KEY).processInstanceBusinessKey(project.code())
                .singleResult().getRemovalTime()).isNull();
    }

    /**
     * Every chart's money adds up to the same totals, the ledger's: a project of a call with several technology areas
     * is split between them, not counted in each. Other classes may pay meanwhile (H2's context is shared): a
     * mismatch is asked again a few times before it counts.
     */
    private void assertDashboardAddsUpToTheLedger(Http auditor) {
        List<String> totals = List.of();
        for (int attempt = 0; attempt < 5; attempt++) {
            com.fasterxml.jackson.databind.JsonNode dashboard = json(auditor.get("/api/audit/dashboard").body());
            String ledger = decimal(json(auditor.get("/api/audit/ledger?limit=1").body()).path("total")
                    .path("disbursed")).toPlainString();
            totals = java.util.stream.Stream.of("byMeasure", "byDistrict", "byArea", "byYear")
                    .map(chart -> sum(dashboard.path(chart), "disbursed") + "/" + sum(dashboard.path(chart), "approved"))
                    .toList();
            if (totals.stream().distinct().count() == 1 && totals.get(0).startsWith(ledger + "/")) {
                return;
            }
        }
        assertThat(totals).as("disbursed/approved of each chart, and the ledger's disbursed first").hasSize(1);
    }

    /**
     * A bar's drill-down lists the projects its chart counts: funded ones only (not proposed or withdrawn), and by
     * technology area the projects whose call names the area.
     */
    private void assertDrillDownsListWhatTheChartsCount(Http auditor, Project project) {
        com.fasterxml.jackson.databind.JsonNode dashboard = json(auditor.get("/api/audit/dashboard").body());
        for (String chart : List.of("byMeasure", "byDistrict", "byArea", "byYear")) {
            for (com.fasterxml.jackson.databind.JsonNode bucket : dashboard.path(chart)) {
                if (bucket.path("drill").isTextual()) {
                    assertThat(bucket.path("drill").asText()).contains("funded=true");
                    assertThat(json(auditor.get("/api/audit/cases?" + bucket.path("drill").asText()).body()))
                            .as(chart + " " + bucket.path("label").asText()).isNotEmpty().allSatisfy(found -> {
                                assertThat(found.path("kind").asText()).isEqualTo("project");
                                assertThat(found.path("status").asText()).isNotIn("PROPOSED", "WITHDRAWN");
                            });
                }
            }
        }
        List<String> areas = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("SELECT area FROM funding_call_area WHERE call_id = ?").param(project.callId())
                .query(String.class).list();
        assertThat(areas).isNotEmpty().allSatisfy(area -> assertThat(auditor.get("/api/audit/cases?kind=project"
                + "&funded=true&q=" + project.code() + "&area=" + java.net.URLEncoder.encode(area,
                java.nio.charset.StandardCharsets.UTF_8)).body()).as(area).contains(project.code()));
        assertThat(auditor.get("/api/audit/cases?kind=project&q=" + project.code() + "&area=不存在的方向").body())
                .isEqualTo("[]");
    }

    private static String sum(com.fasterxml.jackson.databind.JsonNode buckets, String field) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (com.fasterxml.jackson.databind.JsonNode bucket : buckets) {
            sum = sum.add(decimal(bucket.path(field)));
        }
        return sum.setScale(2).toPlainString();
    }

    /** Money as the API answers it: a string with two decimals (a JSON number would be read as a float). */
    private static BigDecimal decimal(com.fasterxml.jackson.databind.JsonNode amount) {
        assertThat(amount.isTextual()).as(amount + " as a decimal string").isTrue();
        return new BigDecimal(amount.asText()).setScale(2);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    @Test
    void storesEveryAggregateWithExactMoney() {
        Organization lead = organizations.save(TestData.newEnterprise("牵头企业"));
        Organization partner = organizations.save(TestData.newEnterprise("合作企业"));
        Expert expert = experts.save(new Expert(null, "expert-" + ThreadLocalRandom.current().nextInt(1_000_000),
                "测试专家", partner.id(), "教授", false, // inactive: never drawn for the review tests sharing this database
                Set.of(new Expert.ExpertField("新药筛选"), new Expert.ExpertField("化学药")),
                Set.of(new Expert.ExpertCollaborator(lead.id()))));
        FundingCall call = calls.save(new FundingCall(null, "CALL-" + lead.uscc(), "关键核心技术攻关指南", "P1.1b",
                "KJJ", new BigDecimal("20000000.00"), new BigDecimal("7000000.00"),
                LocalDateTime.of(2025, 3, 1, 9, 0), LocalDateTime.of(2025, 4, 1, 17, 0), "PUBLISHED", null, "kjj",
                LocalDateTime.of(2025, 2, 20, 10, 0), null, Set.of(new FundingCall.Area("新药筛选"))));
        Application application = applications.save(new Application(null, null, call.id(), lead.id(), "联合攻关申报",
                new BigDecimal("6999999.99"), new BigDecimal("3000000.00"), "SUBMITTED",
                LocalDateTime.of(2025, 3, 15, 10, 30), null, LocalDateTime.of(2025, 3, 15, 10, 0),
                "联合攻关：新药筛选平台", "牵头企业研发中心12人", "两年三阶段", "候选化合物2个",
                Set.of(new Application.Partner(partner.id()))));
        Project project = projects.save(newProject(lead, application.id(), "6999999.99"));

        assertThat(experts.findById(expert.id()).orElseThrow().fields()).extracting(Expert.ExpertField::field)
                .containsExactlyInAnyOrder("新药筛选", "化学药");
        assertThat(experts.findById(expert.id()).orElseThrow().collaborators())
                .containsExactly(new Expert.ExpertCollaborator(lead.id()));
        assertThat(calls.findById(call.id()).orElseThrow().projectCap()).isEqualTo(new BigDecimal("7000000.00"));
        assertThat(applications.findById(application.id()).orElseThrow().partners())
                .containsExactly(new Application.Partner(partner.id()));
        Project reloaded = projects.findById(project.id()).orElseThrow();
        assertThat(reloaded.approvedAmount()).isEqualTo(new BigDecimal("6999999.99"));
        assertThat(reloaded.milestones()).extracting(Project.Milestone::seq).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void writesAPaymentOnceAndRefusesTheSameOneAgain() {
        Organization enterprise = organizations.save(TestData.newEnterprise("受资助企业"));
        Project project = projects.save(newProject(enterprise, null, "7000000.00"));
        LedgerPosting firstInstalment = new LedgerPosting(project.id(), 1, LedgerEntryKind.DISBURSEMENT,
                new BigDecimal("2800000.00"), enterprise.id(), "finance", "首笔拨付 40%", null);

        LedgerEntry written = transaction.execute(status -> ledger.record(firstInstalment, "finance"));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> ledger.record(firstInstalment, "finance")))
                .isInstanceOf(DuplicateLedgerEntryException.class)
                .hasMessageContaining("不能重复记账");
        assertThat(ledgerEntries.findByProjectIdOrderByIdAsc(project.id())).containsExactly(written);
        assertThat(written.amount()).isEqualTo(new BigDecimal("2800000.00"));
        assertThat(written.recordedAt()).isNotNull();
    }

    @Test
    void keepsARecoveryApartFromTheDisbursementOfTheSameMilestone() {
        Organization enterprise = organizations.save(TestData.newEnterprise("被追回企业"));
        Project project = projects.save(newProject(enterprise, null, "1000000.00"));

        transaction.executeWithoutResult(status -> {
            ledger.record(new LedgerPosting(project.id(), 1, LedgerEntryKind.DISBURSEMENT,
                    new BigDecimal("400000.00"), enterprise.id(), "finance", null, null), "finance");
            ledger.record(new LedgerPosting(project.id(), 1, LedgerEntryKind.RECOVERY,
                    new BigDecimal("150000.50"), enterprise.id(), "finance", "终止追回", null), "finance");
        });

        assertThat(ledgerEntries.findByProjectIdOrderByIdAsc(project.id())).extracting(LedgerEntry::kind)
                .containsExactly(LedgerEntryKind.DISBURSEMENT, LedgerEntryKind.RECOVERY);
    }

    static Project newProject(Organization organization, Long applicationId, String approvedAmount) {
        return new Project(null, "PRJ-" + organization.uscc(), "测试项目", "P1.1a", organization.id(), applicationId,
                null, null, new BigDecimal(approvedAmount), null, null, "IN_PROGRESS", LocalDate.of(2025, 6, 1),
                LocalDate.of(2027, 5, 31), null, null, 0, null, null, LocalDateTime.of(2025, 5, 20, 9, 0),
                Set.of(new Project.Milestone(1, "中期", LocalDate.of(2026, 6, 1), null, "PLANNED"),
                        new Project.Milestone(2, "验收", LocalDate.of(2027, 5, 31), null, "PLANNED")));
    }
}
