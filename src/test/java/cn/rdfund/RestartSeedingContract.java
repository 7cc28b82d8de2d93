package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.expert.ExpertRepository;
import cn.rdfund.organization.OrganizationRepository;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

/**
 * Starting again on a database that is already set up adds nothing: every start-up runner (users, groups, grants,
 * Tasklist filters, the demo organizations and experts, back-fills) runs once more and every count stays. It counts
 * everything in the database and reruns start-up work, so an implementing class runs alone.
 */
interface RestartSeedingContract {

    ApplicationContext context();

    @Test
    default void aRestartSeedsNothingTwice() throws Exception {
        Map<String, Long> before = counts();
        ApplicationArguments none = new DefaultApplicationArguments();

        for (ApplicationRunner runner : context().getBeansOfType(ApplicationRunner.class).values()) {
            runner.run(none);
        }

        assertThat(counts()).isEqualTo(before);
        assertThat(before.get("users")).isGreaterThanOrEqualTo(17);
        assertThat(before.get("groups")).isEqualTo(12);
    }

    private Map<String, Long> counts() {
        ProcessEngine engine = context().getBean(ProcessEngine.class);
        return Map.of(
                "users", engine.getIdentityService().createUserQuery().count(),
                "groups", engine.getIdentityService().createGroupQuery().count(),
                "authorizations", engine.getAuthorizationService().createAuthorizationQuery().count(),
                "filters", engine.getFilterService().createFilterQuery().count(),
                "organizations", context().getBean(OrganizationRepository.class).count(),
                "experts", context().getBean(ExpertRepository.class).count());
    }
}
