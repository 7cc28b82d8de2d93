package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentBasicLoginsTest {

    private final CamundaUser finance = new CamundaUser("finance", List.of("finance"));

    @Test
    void onlyTheSamePasswordFindsARememberedLogin() {
        RecentBasicLogins logins = new RecentBasicLogins(Duration.ofSeconds(10), 100);
        logins.remember("finance", "finance", finance, logins.changesSoFar());

        assertThat(logins.find("finance", "finance")).contains(finance);
        assertThat(logins.find("finance", "Finance")).isEmpty();
        assertThat(logins.find("finance", "finance ")).isEmpty();
        // user id and password are kept apart: "fin" + "ancefinance", or a user id with a zero byte, is another login
        assertThat(logins.find("fin", "ancefinance")).isEmpty();
        logins.remember("finance\0x", "y", finance, logins.changesSoFar());
        assertThat(logins.find("finance", "x\0y")).isEmpty();
    }

    @Test
    void anIdentityChangeForgetsEveryLogin() {
        RecentBasicLogins logins = new RecentBasicLogins(Duration.ofSeconds(10), 100);
        logins.remember("finance", "finance", finance, logins.changesSoFar());

        logins.forgetAll();

        assertThat(logins.find("finance", "finance")).isEmpty();
    }

    @Test
    void noMemoryRemembersNothing() {
        RecentBasicLogins logins = new RecentBasicLogins(Duration.ZERO, 100);
        logins.remember("finance", "finance", finance, logins.changesSoFar());

        assertThat(logins.find("finance", "finance")).isEmpty();
    }

    @Test
    void aLoginCheckedWhileAnIdentityChangedIsNotRemembered() {
        RecentBasicLogins logins = new RecentBasicLogins(Duration.ofSeconds(10), 100);
        long beforeTheCheck = logins.changesSoFar();

        logins.forgetAll(); // e.g. the password changed between the check and remembering its result
        logins.remember("finance", "old-password", finance, beforeTheCheck);

        assertThat(logins.find("finance", "old-password")).isEmpty();
    }

    @Test
    void remembersAtMostAMinute() {
        assertThatThrownBy(() -> new RecentBasicLogins(Duration.ofMinutes(2), 100))
                .hasMessageContaining("rdfund.security.basic-login-memory");
    }
}
