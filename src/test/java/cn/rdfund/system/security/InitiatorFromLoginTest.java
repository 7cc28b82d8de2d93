package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.challenge.ChallengeProcess;
import cn.rdfund.selection.FundingCallProcess;
import cn.rdfund.support.RdfundIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Whoever starts a process gets its first task: a start variable cannot hand it to someone else. */
@RdfundIntegrationTest
class InitiatorFromLoginTest {

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    /** A person's start carries nothing (StartInputGuard): naming another initiator is refused outright. */
    @ParameterizedTest(name = "{1} starting {0} with initiator={3}")
    @CsvSource({
            FundingApplicationProcess.KEY + ", applicant, applicants, applicant2, " + FundingApplicationProcess.TASK_FILL,
            ChallengeProcess.KEY + ", applicant, applicants, applicant2, " + ChallengeProcess.TASK_REGISTER,
            FundingCallProcess.KEY + ", kjj, pm-kjj, kjj2, " + FundingCallProcess.TASK_DRAFT})
    void aStartNamingAnotherInitiatorIsRefused(String processKey, String user, String group, String other, String taskKey) {
        identityService.setAuthentication(user, List.of(group));
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(processKey, Map.of("initiator", other)))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("initiator");
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Administrators may pass variables; the initiator is still the one logged in (InitiatorFromLoginPlugin). */
    @ParameterizedTest(name = "admin starting {0} with initiator=applicant2")
    @CsvSource({
            FundingApplicationProcess.KEY + ", " + FundingApplicationProcess.TASK_FILL,
            ChallengeProcess.KEY + ", " + ChallengeProcess.TASK_REGISTER,
            FundingCallProcess.KEY + ", " + FundingCallProcess.TASK_DRAFT})
    void theFirstTaskGoesToTheLoggedInStarterWhateverTheVariableSays(String processKey, String taskKey) {
        identityService.setAuthentication("admin", List.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(processKey, Map.of("initiator", "applicant2"));
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult().getAssignee()).isEqualTo("admin");
        assertThat(runtimeService.getVariable(instance.getId(), "initiator")).isEqualTo("admin");
    }

    @Test
    void onlyAnAdministratorStartsAProcessAtAnotherActivityWhichWouldSkipTheStartEvent() {
        identityService.setAuthentication("applicant", List.of("applicants"));
        try {
            assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(FundingApplicationProcess.KEY)
                    .startBeforeActivity(FundingApplicationProcess.TASK_FILL).execute()).isInstanceOf(AuthorizationException.class).hasMessageContaining("只有系统管理员");
        } finally {
            identityService.clearAuthentication();
        }
    }
}
