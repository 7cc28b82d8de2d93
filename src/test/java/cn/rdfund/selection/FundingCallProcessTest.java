package cn.rdfund.selection;

import static cn.rdfund.selection.FundingCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.rdfund.call.CallDraft;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.call.FundingCallService;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/call/FundingCall.bpmn, on the real engine and database, jobs driven by hand. */
@RdfundIntegrationTest
class FundingCallProcessTest {

    private static final LocalDate CLOSES_ON = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    ProcessDriver driver;

    @Autowired
    FundingCallRepository calls;

    @Autowired
    FundingCallService callService;

    private ProcessInstance call;

    @BeforeEach
    void startCallAsKjj() {
        AbstractAssertions.init(processEngine);
        call = driver.start(KEY, "kjj");
    }

    private static Map<String, Object> draft(String projectCapWan) {
        return Variables.createVariables()
                .putValue("title", "2026年生物医药关键核心技术攻关指南")
                .putValue("measure", "P1.1b")
                .putValue("areas", Spin.JSON("[\"新药筛选\", \"新制剂与新释药系统\"]"))
                .putValue("totalBudgetWan", "3000")
                .putValue("projectCapWan", projectCapWan)
                .putValue("opensOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())
                .putValue("closesOn", CLOSES_ON.toString());
    }

    private void complete(String taskKey, String user, Map<String, Object> variables) {
        driver.complete(call, taskKey, user, variables);
    }

    private void draftAndApprove() {
        complete(TASK_DRAFT, "kjj", draft("700"));
        complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, APPROVE));
    }

    private FundingCall publishedCall() {
        return calls.findByProcessInstanceId(call.getId()).orElseThrow();
    }

    @Test
    void publishesAnApprovedCallAndClosesItEarly() {
        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_DRAFT).task().isAssignedTo("kjj");

        draftAndApprove();
        BpmnAwareTests.assertThat(call).isWaitingAt(PUBLISH);
        execute(job(call));

        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_CLOSE_WINDOW).task().isAssignedTo("kjj").hasCandidateGroupAssociated("pm-kjj");
        FundingCall published = publishedCall();
        assertThat(published.status()).isEqualTo("PUBLISHED");
        assertThat(published.projectCap()).isEqualTo(new BigDecimal("7000000.00"));
        assertThat(published.totalBudget()).isEqualTo(new BigDecimal("30000000.00"));
        assertThat(published.areas()).extracting(FundingCall.Area::area).containsExactlyInAnyOrder("新药筛选", "新制剂与新释药系统");
        assertThat(published.createdBy()).isEqualTo("kjj");

        complete(TASK_CLOSE_WINDOW, "kjj", Map.of());
        BpmnAwareTests.assertThat(call).isWaitingAt(CLOSE);
        execute(job(call));

        assertThat(publishedCall().status()).isEqualTo("CLOSED");
        BpmnAwareTests.assertThat(call).isWaitingAt(RANK).hasNotPassed(WINDOW_EXPIRED);
        execute(job(call));
        execute(job(call));

        // Nobody applied: the call ends without projects.
        BpmnAwareTests.assertThat(call).isEnded().hasPassed(END_NO_FUNDABLE);
        assertThat(publishedCall().status()).isEqualTo("NO_FUNDABLE");
    }

    @Test
    void closesTheWindowOnItsLastDayAtMidnightShenyangTime() {
        draftAndApprove();
        execute(job(call));

        Job timer = managementService.createJobQuery().processInstanceId(call.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(CLOSES_ON.atTime(23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

        execute(timer);
        BpmnAwareTests.assertThat(call).hasPassed(WINDOW_EXPIRED).isWaitingAt(CLOSE);
        execute(job(call));

        assertThat(publishedCall().status()).isEqualTo("CLOSED");
        BpmnAwareTests.assertThat(call).isWaitingAt(RANK);
    }

    @Test
    void returnsTheDraftWithTheReviewersCommentAndPublishesTheCorrectedOne() {
        complete(TASK_DRAFT, "kjj", draft("700"));
        complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, RETURN, APPROVAL_COMMENT, "上限调整为500万元"));

        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_DRAFT).task().isAssignedTo("kjj");
        BpmnAwareTests.assertThat(call).variables().containsEntry(APPROVAL_COMMENT, "上限调整为500万元");

        complete(TASK_DRAFT, "kjj", draft("500"));
        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_APPROVE).variables()
                .doesNotContainKeys(APPROVAL_DECISION, APPROVAL_COMMENT);
        complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, APPROVE));
        execute(job(call));

        assertThat(publishedCall().projectCap()).isEqualTo(new BigDecimal("5000000.00"));
    }

    @Test
    void refusesADraftAboveThePolicyCapAndKeepsTheTaskOpen() {
        assertThatThrownBy(() -> complete(TASK_DRAFT, "kjj", draft("700.000001")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("单个项目资助上限不能超过政策上限700.00万元");

        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_DRAFT);
        BpmnAwareTests.assertThat(call).variables().doesNotContainKey("projectCapWan");
    }

    @Test
    void refusesToLetTheDrafterApproveTheirOwnCall() {
        complete(TASK_DRAFT, "kjj", draft("700"));

        assertThatThrownBy(() -> complete(TASK_APPROVE, "kjj", Map.of(APPROVAL_DECISION, APPROVE)))
                .hasMessageContaining("您已办理本案「拟定指南」，「审核指南」须由另一位同事办理");
        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_APPROVE);
    }

    @Test
    void aForgedInitiatorVariableIsRefusedAndWouldNotHelpAnyway() {
        complete(TASK_DRAFT, "kjj", draft("700"));

        assertThatThrownBy(() -> complete(TASK_APPROVE, "kjj", Map.of(APPROVAL_DECISION, APPROVE, INITIATOR, "kjj2")))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("修改表单以外的数据: [initiator]");
        assertThatThrownBy(() -> complete(TASK_APPROVE, "kjj", Map.of(APPROVAL_DECISION, APPROVE)))
                .hasMessageContaining("您已办理本案「拟定指南」，「审核指南」须由另一位同事办理");
    }

    @Test
    void anApproverCannotChangeTheDraftButMaySendItBackUnchanged() {
        complete(TASK_DRAFT, "kjj", draft("700"));

        assertThatThrownBy(() -> complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, APPROVE, "projectCapWan", "800")))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("[projectCapWan]");
        BpmnAwareTests.assertThat(call).isWaitingAt(TASK_APPROVE);

        Map<String, Object> asTasklistSendsIt = new java.util.HashMap<>(draft("700"));
        asTasklistSendsIt.put(APPROVAL_DECISION, APPROVE);
        complete(TASK_APPROVE, "kjj2", asTasklistSendsIt);
        BpmnAwareTests.assertThat(call).isWaitingAt(PUBLISH);
    }

    @Test
    void refusesAReturnWithoutAComment() {
        complete(TASK_DRAFT, "kjj", draft("700"));

        assertThatThrownBy(() -> complete(TASK_APPROVE, "kjj2", Map.of(APPROVAL_DECISION, RETURN)))
                .hasMessageContaining("退回修改时请填写修改意见");
    }

    @Test
    void publishingAgainAfterARetryFindsTheSameCall() {
        draftAndApprove();
        execute(job(call));
        CallDraft draft = CallDraft.from(runtimeService.getVariables(call.getId()));

        FundingCall again = callService.publish(draft, call.getId(), "kjj");

        assertThat(again.id()).isEqualTo(publishedCall().id());
        assertThat(calls.findAll()).filteredOn(c -> call.getId().equals(c.processInstanceId())).hasSize(1);
    }
}
