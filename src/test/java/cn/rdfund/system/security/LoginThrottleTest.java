package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.system.security.LoginThrottle.Attempt;
import cn.rdfund.system.security.LoginThrottle.Permit;
import cn.rdfund.system.security.LoginThrottle.Refusal;
import cn.rdfund.system.security.LoginThrottle.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's rules, on a clock the test moves: what a guesser gets, and what everyone else keeps. */
class LoginThrottleTest {

    private static final String ATTACKER = "10.0.0.66";
    private static final String FINANCE_OFFICE = "10.0.1.20";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(5, 30, Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofMinutes(15), 1000), nanos::get);

    private void pass(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private Attempt fail(String source, String user) {
        Attempt attempt = throttle.begin(source, user);
        if (attempt instanceof Permit permit) {
            permit.failed();
        }
        return attempt;
    }

    private void failTimes(int times, String source, String user) {
        for (int i = 0; i < times; i++) {
            assertThat(fail(source, user)).as("attempt %d", i + 1).isInstanceOf(Permit.class);
        }
    }

    @Test
    void fiveWrongPasswordsAreCheckedThenTheSourceWaitsLongerAfterEachFurtherFailure() {
        failTimes(5, ATTACKER, "finance");

        assertThat(throttle.begin(ATTACKER, "finance"))
                .isEqualTo(new Refusal(Duration.ofSeconds(2), Scope.USER));
        pass(Duration.ofSeconds(2));
        failTimes(1, ATTACKER, "finance");
        assertThat(throttle.begin(ATTACKER, "finance")).isEqualTo(new Refusal(Duration.ofSeconds(4), Scope.USER));
        pass(Duration.ofSeconds(4));
        failTimes(1, ATTACKER, "finance");
        assertThat(throttle.begin(ATTACKER, "finance")).isEqualTo(new Refusal(Duration.ofSeconds(8), Scope.USER));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        failTimes(5, ATTACKER, "finance");
        for (int i = 0; i < 12; i++) {
            pass(Duration.ofMinutes(5));
            failTimes(1, ATTACKER, "finance");
        }

        assertThat(throttle.begin(ATTACKER, "finance")).isEqualTo(new Refusal(Duration.ofMinutes(5), Scope.USER));
    }

    @Test
    void theRealUserElsewhereIsNeverSlowedDownOrLockedOut() {
        for (int i = 0; i < 20; i++) {
            fail(ATTACKER, "finance");
            pass(Duration.ofSeconds(1));
        }

        Attempt real = throttle.begin(FINANCE_OFFICE, "finance");
        assertThat(real).isInstanceOf(Permit.class);
        ((Permit) real).succeeded();
    }

    @Test
    void casesAndSpacesInTheNameDoNotBuyMoreGuesses() {
        failTimes(2, ATTACKER, "finance");
        failTimes(2, ATTACKER, "FINANCE");
        failTimes(1, ATTACKER, " Finance ");

        assertThat(throttle.begin(ATTACKER, "finance")).isInstanceOf(Refusal.class);
    }

    @Test
    void aCorrectPasswordForgetsThePairsFailures() {
        failTimes(4, FINANCE_OFFICE, "finance");
        ((Permit) throttle.begin(FINANCE_OFFICE, "finance")).succeeded();

        failTimes(4, FINANCE_OFFICE, "finance");
        assertThat(throttle.begin(FINANCE_OFFICE, "finance")).isInstanceOf(Permit.class);
    }

    @Test
    void sprayingOneGuessAcrossManyNamesStopsTheWholeSource() {
        for (int i = 0; i < 30; i++) {
            assertThat(fail(ATTACKER, "user" + i)).isInstanceOf(Permit.class);
        }

        assertThat(throttle.begin(ATTACKER, "someone-new")).isEqualTo(new Refusal(Duration.ofSeconds(2), Scope.SOURCE));
        assertThat(throttle.begin(FINANCE_OFFICE, "someone-new")).isInstanceOf(Permit.class);
    }

    @Test
    void theSpraysOwnAccountDoesNotClearTheSourcesFailures() {
        for (int i = 0; i < 29; i++) {
            fail(ATTACKER, "user" + i);
        }
        ((Permit) throttle.begin(ATTACKER, "applicant")).succeeded();
        fail(ATTACKER, "user29");

        assertThat(throttle.begin(ATTACKER, "user30")).isInstanceOf(Refusal.class);
    }

    @Test
    void simultaneousGuessesGetNoMoreChecksThanTheFailuresLeft() {
        List<Attempt> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            burst.add(throttle.begin(ATTACKER, "finance"));
        }

        assertThat(burst.stream().filter(Permit.class::isInstance)).hasSize(5);
        assertThat(burst.get(5)).isEqualTo(new Refusal(Duration.ofSeconds(1), Scope.USER));
    }

    @Test
    void anAttemptWhosePasswordWasNeverCheckedIsNoFailure() {
        for (int i = 0; i < 10; i++) {
            ((Permit) throttle.begin(ATTACKER, "finance")).abandoned();
        }

        failTimes(5, ATTACKER, "finance");
    }

    @Test
    void failuresAreForgottenAWindowAfterTheLast() {
        failTimes(5, ATTACKER, "finance");
        pass(Duration.ofMinutes(15));

        failTimes(5, ATTACKER, "finance");
    }

    @Test
    void anOutcomeCountsOnce() {
        Permit permit = (Permit) throttle.begin(ATTACKER, "finance");
        permit.failed();
        permit.failed();
        permit.succeeded();

        failTimes(4, ATTACKER, "finance");
        assertThat(throttle.begin(ATTACKER, "finance")).isInstanceOf(Refusal.class);
    }

    @Test
    void ipv6ClientsCountPerSlash64Network() {
        assertThat(LoginThrottleFilter.sourceOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(LoginThrottleFilter.sourceOf("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottleFilter.sourceOf("0:0:0:0:0:ffff:a00:1")).isEqualTo("10.0.0.1");
        assertThat(LoginThrottleFilter.sourceOf("10.0.0.1")).isEqualTo("10.0.0.1");
    }
}
