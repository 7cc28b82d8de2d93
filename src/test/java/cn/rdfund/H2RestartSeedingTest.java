package cn.rdfund;

import cn.rdfund.support.RdfundIntegrationTest;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // counts the users, groups and organizations other classes add to
class H2RestartSeedingTest implements RestartSeedingContract {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
