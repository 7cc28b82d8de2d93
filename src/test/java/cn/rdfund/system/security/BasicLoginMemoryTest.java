package cn.rdfund.system.security;

import static cn.rdfund.support.LoopbackHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Http;
import cn.rdfund.support.LoopbackHttp;
import cn.rdfund.support.RdfundIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HTTP Basic logins are remembered for a few seconds (RecentBasicLogins), and what an administrator changes counts
 * from the next request on: a new password, a membership taken away. A remembered login still obeys the login
 * throttle. Each test has its own user, and the throttle test its own loopback address (127.0.0.8).
 */
@RdfundIntegrationTest
class BasicLoginMemoryTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Test
    void aNewPasswordAndATakenMembershipCountFromTheNextRequest() {
        applicant("memory-user");
        assertThat(Http.as(port, "memory-user").get("/api/me").body()).contains("applicants");

        User user = identityService.createUserQuery().userId("memory-user").singleResult();
        user.setPassword("changed-password");
        identityService.saveUser(user);
        assertThat(Http.as(port, "memory-user").get("/api/me").status()).as("the old password").isEqualTo(401);
        assertThat(Http.as(port, "memory-user").withPassword("/api/me", "changed-password").status()).isEqualTo(200);

        identityService.deleteMembership("memory-user", Groups.APPLICANTS);
        assertThat(Http.as(port, "memory-user").withPassword("/api/me", "changed-password").status())
                .as("no role left").isEqualTo(403);
    }

    @Test
    void aSourceThatMustWaitIsRefusedEvenWithARememberedPassword() {
        applicant("memory-waiter");
        LoopbackHttp client = LoopbackHttp.from("127.0.0.8", port);
        assertThat(client.get("/api/me", "Authorization", basic("memory-waiter", "memory-waiter")).status())
                .isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            client.get("/api/me", "Authorization", basic("memory-waiter", "wrong-" + i));
        }

        assertThat(client.get("/api/me", "Authorization", basic("memory-waiter", "memory-waiter")).status())
                .as("the right password from the waiting source").isEqualTo(429);
        assertThat(Http.as(port, "memory-waiter").get("/api/me").status()).as("from another source").isEqualTo(200);
    }

    private void applicant(String id) {
        User user = identityService.newUser(id);
        user.setPassword(id);
        identityService.saveUser(user);
        identityService.createMembership(id, Groups.APPLICANTS);
    }
}
