package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentBasicLoginsTest {

    private final CamundaUser finance = new CamundaUser("finance", List.of("finance"));

    @Test
    void onlyTheSamePasswordFindsARememberedLogin() {
        RecentBasicLogins logins = new RecentBasicLogins(Duration.ofSeconds(10), 100);
        logins.remember("finance", "finance", finance);

        assertThat(logins.find("finance", "finance")).contains(finance);
        assertThat(logins.find("finance", "Finance")).isEmpty();
        assertThat(logins.find("finance", "finance ")).isEmpty();
        // user id and password are kept apart: "fin" + "ancefinance" is another login
        assertThat(logins.find("fin", "ancefinance")).isEmpty();
    }

    @Test
    void anIdentityChangeForgetsEveryLogin() {
        RecentBasicLogins logins = new RecentBasicLogins(Duration.ofSeconds(10), 100);
        logins.remember("finance", "finance", finance);

        logins.forgetAll();

        assertThat(logins.find("finance", "finance")).isEmpty();
    }

    @Test
    void noMemoryRemembersNothing() {
        RecentBasicLogins logins = new RecentBasicLogins(Duration.ZERO, 100);
        logins.remember("finance", "finance", finance);

        assertThat(logins.find("finance", "finance")).isEmpty();
    }
}
