package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.application.FundingApplicationProcess;
import cn.rdfund.call.FundingCallProcess;
import cn.rdfund.challenge.ChallengeProcess;
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

    @ParameterizedTest(name = "{1} starting {0} with initiator={3}")
    @CsvSource({
            FundingApplicationProcess.KEY + ", applicant, applicants, applicant2, " + FundingApplicationProcess.TASK_FILL,
            ChallengeProcess.KEY + ", applicant, applicants, applicant2, " + ChallengeProcess.TASK_REGISTER,
            FundingCallProcess.KEY + ", kjj, pm-kjj, kjj2, " + FundingCallProcess.TASK_DRAFT})
    void theFirstTaskGoesToTheLoggedInStarter(String processKey, String user, String group, String other, String taskKey) {
        identityService.setAuthentication(user, List.of(group));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(processKey, Map.of("initiator", other));
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult().getAssignee()).isEqualTo(user);
        assertThat(runtimeService.getVariable(instance.getId(), "initiator")).isEqualTo(user);
    }

    @Test
    void onlyAnAdministratorStartsAProcessAtAnotherActivityWhichWouldSkipTheStartEvent() {
        identityService.setAuthentication("applicant", List.of("applicants"));
        try {
            assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(FundingApplicationProcess.KEY)
                    .startBeforeActivity(FundingApplicationProcess.TASK_FILL).setVariable("initiator", "applicant2")
                    .execute()).isInstanceOf(AuthorizationException.class).hasMessageContaining("只有系统管理员");
        } finally {
            identityService.clearAuthentication();
        }
    }
}
