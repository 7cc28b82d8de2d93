package rawcamunda;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Camunda 7 as it comes, the raw side of the benchmarks (docs/performance.md): the same engine, starters, database,
 * history level and job executor as RDFund, Camunda's REST API behind Camunda's own HTTP Basic filter, and one process
 * of twelve user tasks in a row. None of RDFund's code runs in it (this package is outside {@code cn.rdfund}, so no
 * RDFund bean is scanned) and none of its configuration (started with {@code --spring.config.name=raw-camunda}, so
 * {@code application.yaml} is not read; {@code raw-camunda.yaml} is).
 */
@SpringBootApplication
public class RawCamundaApplication {

    public static final String PROCESS = "TwelveTasks";
    public static final int TASKS = 12;
    /** Users {@code raw1} … {@code raw8}, password = user id. */
    public static final int USERS = 8;

    public static void main(String[] args) {
        SpringApplication.run(RawCamundaApplication.class, args);
    }

    /** Camunda's documented way to require HTTP Basic at its REST API in Spring Boot. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Before the application reports ready: the process deployed, the users there. */
    @Bean
    ApplicationRunner prepare(ProcessEngine engine) {
        return arguments -> {
            engine.getRepositoryService().createDeployment().name(PROCESS).enableDuplicateFiltering(true)
                    .addModelInstance(PROCESS + ".bpmn", twelveUserTasks()).deploy();
            createUsers(engine.getIdentityService());
            grantEveryone(engine.getAuthorizationService());
        };
    }

    /** Start → twelve user tasks, each assigned to whoever started the instance → end. */
    static BpmnModelInstance twelveUserTasks() {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS).name("十二个用户任务")
                .camundaHistoryTimeToLive(180).startEvent("StartEvent_Started").camundaInitiator("starter");
        for (int i = 1; i <= TASKS; i++) {
            flow = flow.userTask("Task_" + i).name("任务 " + i).camundaAssignee("${starter}");
        }
        return flow.endEvent("EndEvent_Done").done();
    }

    private static void createUsers(IdentityService identityService) {
        for (int i = 1; i <= USERS; i++) {
            String id = "raw" + i;
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setPassword(id);
                user.setFirstName("基准");
                user.setLastName(id);
                identityService.saveUser(user);
            }
        }
    }

    /** What the client needs when authorization is on (--camunda.bpm.authorization.enabled=true): everything. */
    private static void grantEveryone(AuthorizationService authorizationService) {
        for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK,
                Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE)) {
            if (authorizationService.createAuthorizationQuery().resourceType(resource).userIdIn("*").count() == 0) {
                Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
                grant.setUserId("*");
                grant.setResource(resource);
                grant.setResourceId("*");
                grant.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(grant);
            }
        }
    }
}
