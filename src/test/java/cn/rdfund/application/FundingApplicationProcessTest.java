package cn.rdfund.application;

import static cn.rdfund.application.FundingApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.rdfund.audit.CaseSearchIndex;
import cn.rdfund.call.CallDraft;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.project.Project;
import cn.rdfund.project.ProjectRepository;
import cn.rdfund.support.Http;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every path of bpmn/application/FundingApplication.bpmn, on the real engine and database. */
@RdfundIntegrationTest
class FundingApplicationProcessTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    FundingCallService callService;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    OrganizationMembers members;

    @Autowired
    ProjectRepository projects;

    @Autowired
    CaseSearchIndex caseSearch;

    @LocalServerPort
    int port;

    private FundingCall ownRdCall;
    private ProcessInstance application;

    @BeforeEach
    void publishACallAndStartAnApplication() {
        AbstractAssertions.init(processEngine);
        ownRdCall = callService.publish(new CallDraft("自主研发测试指南", "P1.1a", List.of("新药筛选"),
                new BigDecimal("20000000.00"), new BigDecimal("5000000.00"), TODAY, TODAY.plusDays(30)),
                UUID.randomUUID() + "-test", "kjj");
        application = startAs("applicant");
    }

    private ProcessInstance startAs(String user) {
        return driver.start(KEY, user);
    }

    private static Map<String, Object> draft(long callId, String requestedWan) {
        return Map.of(CALL_ID, String.valueOf(callId), "title", "靶向抗肿瘤新药研发", "requestedWan", requestedWan,
                "coFundingWan", "300", "partnerUsccs", "", "projectSummary", "基于新靶点的小分子抑制剂",
                "teamDescription", "负责人张某，团队15人", "workPlan", "第一年完成筛选，第二年完成临床前研究",
                "promisedIndicators", "候选化合物2个，发明专利3项");
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        driver.complete(instance, taskKey, user, variables);
    }

    private Application stored() {
        return applications.findByProcessInstanceId(application.getId()).orElseThrow();
    }

    private void fillAndSubmit(String requestedWan) {
        complete(application, TASK_FILL, "applicant", draft(ownRdCall.id(), requestedWan));
        BpmnAwareTests.assertThat(application).isWaitingAt(SUBMIT);
        execute(job(application));
    }

    @Test
    void offersTheOpenCallsAndPassesTheFormalCheck() {
        BpmnAwareTests.assertThat(application).isWaitingAt(TASK_FILL).task().isAssignedTo("applicant");
        assertThat(runtimeService.getVariable(application.getId(), OPEN_CALLS).toString())
                .contains("\"value\":\"" + ownRdCall.id() + "\"", ownRdCall.code());

        fillAndSubmit("500");

        BpmnAwareTests.assertThat(application).isWaitingAt(TASK_FORMAL_CHECK).task().hasCandidateGroup("pm-kjj")
                .hasName("形式审查 · " + stored().code() + " 靶向抗肿瘤新药研发（沈阳浑南创新药业有限公司（演示））");
        assertThat(stored().code()).as("the application's own number (申报编号)")
                .isEqualTo("SB" + stored().createdAt().getYear() + "-" + String.format("%06d", stored().id()));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(stored().code()).list())
                .as("the application and nothing else carries it yet").extracting(instance -> instance.getId())
                .containsExactly(application.getId());
        BpmnAwareTests.assertThat(application).variables()
                .containsEntry("requestedDisplay", "500.00万元")
                .containsEntry("applicantName", "沈阳浑南创新药业有限公司（演示）");
        assertThat(stored().status()).isEqualTo("SUBMITTED");
        assertThat(stored().requestedAmount()).isEqualTo(new BigDecimal("5000000.00"));

        complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, PASS));
        execute(job(application));

        BpmnAwareTests.assertThat(application).isWaitingAt(CALL_REVIEW);
        assertThat(stored().status()).isEqualTo("ACCEPTED");
    }

    @Test
    void asksForACorrectionAndAcceptsTheCorrectedApplication() {
        fillAndSubmit("500");
        complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, CORRECT, CHECK_COMMENT, "请核减申请金额"));

        BpmnAwareTests.assertThat(application).isWaitingAt(TASK_CORRECT).task().isAssignedTo("applicant");
        org.camunda.bpm.engine.task.Task correction = BpmnAwareTests.task(application);
        assertThat(correction.getDueDate()).isNotNull();
        assertThat(correction.getFollowUpDate()).isBeforeOrEqualTo(correction.getDueDate());
        complete(application, TASK_CORRECT, "applicant", draft(ownRdCall.id(), "400"));
        execute(job(application));
        BpmnAwareTests.assertThat(application).isWaitingAt(TASK_FORMAL_CHECK).variables()
                .doesNotContainKeys(CHECK_DECISION, CHECK_COMMENT);
        complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, PASS));
        execute(job(application));

        BpmnAwareTests.assertThat(application).hasPassed(TASK_CORRECT).isWaitingAt(CALL_REVIEW);
        assertThat(stored().requestedAmount()).isEqualTo(new BigDecimal("4000000.00"));
        assertThat(applications.findAll()).filteredOn(a -> application.getId().equals(a.processInstanceId())).hasSize(1);
    }

    @Test
    void anApplicationRenamedInItsCorrectionIsFoundByItsNewNameOnceIndexed() {
        fillAndSubmit("500");
        complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, CORRECT, CHECK_COMMENT, "名称不规范"));
        caseSearch.indexCasesCreatedBefore(LocalDateTime.now().plusHours(1));
        Map<String, Object> renamed = new HashMap<>(draft(ownRdCall.id(), "400"));
        renamed.put("title", "银屑病双特异性抗体中试研究");
        complete(application, TASK_CORRECT, "applicant", renamed);
        execute(job(application));

        assertThat(Http.as(port, "auditor").get("/api/audit/cases?kind=application&q=双特异性抗体中试").body())
                .contains("\"code\":\"" + stored().code() + "\"");
        assertThat(Http.as(port, "auditor").get("/api/audit/cases?q=" + stored().code().toLowerCase()).body())
                .as("found by its own number, typed in lower case").contains("双特异性抗体中试");
    }

    @Test
    void acceptsACorrectionAfterTheWindowClosedButNotASwitchToAnotherCall() {
        fillAndSubmit("500");
        complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, CORRECT, CHECK_COMMENT, "补充预算说明"));
        callService.closeOf(ownRdCall.processInstanceId());
        FundingCall otherCall = callService.publish(new CallDraft("另一指南", "P1.1a", List.of("新药筛选"),
                new BigDecimal("20000000.00"), new BigDecimal("5000000.00"), TODAY, TODAY.plusDays(30)),
                UUID.randomUUID() + "-test", "kjj");

        assertThatThrownBy(() -> complete(application, TASK_CORRECT, "applicant", draft(otherCall.id(), "400")))
                .hasMessageContaining("修改表单以外的数据: [callId]");
        complete(application, TASK_CORRECT, "applicant", draft(ownRdCall.id(), "400"));

        BpmnAwareTests.assertThat(application).isWaitingAt(SUBMIT);
        execute(job(application));
        BpmnAwareTests.assertThat(application).isWaitingAt(TASK_FORMAL_CHECK);
        assertThat(stored().requestedAmount()).isEqualByComparingTo("4000000.00");
    }

    @Test
    void aFirstSubmissionWhoseStepRunsAfterTheCallClosedIsNotAcceptedAndWritesNothing() {
        complete(application, TASK_FILL, "applicant", draft(ownRdCall.id(), "500"));
        BpmnAwareTests.assertThat(application).isWaitingAt(SUBMIT);
        callService.closeOf(ownRdCall.processInstanceId());

        execute(job(application));

        BpmnAwareTests.assertThat(application).isEnded().hasPassed(END_WINDOW_CLOSED);
        assertThat(applications.findByProcessInstanceId(application.getId())).isEmpty();
    }

    @Test
    void refusesAnApplicationWithoutWhatTheExpertsNeedToJudgeIt() {
        Map<String, Object> bare = new java.util.HashMap<>(draft(ownRdCall.id(), "500"));
        bare.put("teamDescription", "");
        bare.put("promisedIndicators", "");

        assertThatThrownBy(() -> complete(application, TASK_FILL, "applicant", bare))
                .hasMessageContaining("请填写项目负责人与团队", "请填写预期考核指标");
        complete(application, TASK_FILL, "applicant", draft(ownRdCall.id(), "500"));
        execute(job(application));
        assertThat(stored().team()).isEqualTo("负责人张某，团队15人");
    }

    @Test
    void refusesAForgedInitiatorAndFilesUnderTheRealApplicant() {
        Map<String, Object> forged = new java.util.HashMap<>(draft(ownRdCall.id(), "500"));
        forged.put(INITIATOR, "applicant2");

        assertThatThrownBy(() -> complete(application, TASK_FILL, "applicant", forged))
                .hasMessageContaining("修改表单以外的数据: [initiator]");
        complete(application, TASK_FILL, "applicant", draft(ownRdCall.id(), "500"));
        execute(job(application));

        assertThat(stored().applicantId()).isEqualTo(members.organizationOf("applicant").orElseThrow());
    }

    @Test
    void rejectsAnApplicationWhoseCorrectionIsOverdue() {
        fillAndSubmit("500");
        complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, CORRECT, CHECK_COMMENT, "缺少财务报表"));

        execute(managementService.createJobQuery().processInstanceId(application.getId()).timers().singleResult());
        BpmnAwareTests.assertThat(application).hasPassed(CORRECTION_OVERDUE).isWaitingAt(REJECT);
        execute(job(application));

        BpmnAwareTests.assertThat(application).isEnded().hasPassed(END_REJECTED);
        assertThat(stored().status()).isEqualTo("REJECTED");
    }

    @Test
    void rejectsAnApplicationWithTheReason() {
        fillAndSubmit("500");

        assertThatThrownBy(() -> complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, REJECT_DECISION)))
                .hasMessageContaining("不予受理时请写明理由");
        complete(application, TASK_FORMAL_CHECK, "kjj", Map.of(CHECK_DECISION, REJECT_DECISION, CHECK_COMMENT, "不属于本指南支持范围"));
        execute(job(application));

        BpmnAwareTests.assertThat(application).isEnded().hasPassed(END_REJECTED).hasNotPassed(CORRECTION_OVERDUE);
        assertThat(stored().status()).isEqualTo("REJECTED");
    }

    @Test
    void refusesMoreThanTheCallAllowsAndWritesNothing() {
        assertThatThrownBy(() -> complete(application, TASK_FILL, "applicant", draft(ownRdCall.id(), "500.000001")))
                .hasMessageContaining("申请金额超过本指南单个项目上限500.00万元");

        BpmnAwareTests.assertThat(application).isWaitingAt(TASK_FILL);
        assertThat(applications.findByProcessInstanceId(application.getId())).isEmpty();
    }

    @Test
    void refusesWhatTheEnterpriseCapNoLongerAllows() {
        long applicant = members.organizationOf("applicant").orElseThrow();
        projects.save(new Project(null, "PRJ-CAP-" + UUID.randomUUID().toString().substring(0, 8), "已立项项目", "P1.1a",
                applicant, null, null, null, new BigDecimal("9000000.00"), null, null, "IN_PROGRESS", TODAY,
                TODAY.plusYears(2), null, null, 0, null, null, LocalDateTime.now(), Set.of()));
        // An award under another measure does not count towards the P1.1 cap.
        projects.save(new Project(null, "PRJ-CAP-" + UUID.randomUUID().toString().substring(0, 8), "专精特新奖励", "P4.2",
                applicant, null, null, null, new BigDecimal("500000.00"), null, null, "IN_PROGRESS", TODAY,
                TODAY.plusYears(1), null, null, 0, null, null, LocalDateTime.now(), Set.of()));

        try {
            assertThatThrownBy(() -> complete(application, TASK_FILL, "applicant", draft(ownRdCall.id(), "200")))
                    .hasMessageContaining("本次最多可申请100.00万元");
        } finally {
            projects.deleteAll(projects.findAll().stream().filter(p -> p.code().startsWith("PRJ-CAP-")).toList());
        }
    }

    @Test
    void refusesAnApplicantUserThatActsForNoOrganization() {
        identityService.saveUser(identityService.newUser("lone-applicant"));
        identityService.createMembership("lone-applicant", "applicants");
        ProcessInstance lone = startAs("lone-applicant");

        assertThatThrownBy(() -> complete(lone, TASK_FILL, "lone-applicant", draft(ownRdCall.id(), "100")))
                .hasMessageContaining("申报账号未关联已登记的单位");
    }
}
