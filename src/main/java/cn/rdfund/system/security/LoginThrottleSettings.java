package cn.rdfund.system.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard wrong passwords slow a source down (rdfund.security.login-throttle in application.yaml, see
 * docs/security.md#throttling). Counted per source (client address) and per source and user name; nothing here
 * ever slows down or locks a user who logs in from elsewhere.
 *
 * @param failuresPerUser wrong passwords for one user name from one source before that pair must wait
 * @param failuresPerSource wrong passwords from one source, whatever the user names, before the source must wait
 * @param firstDelay the first wait; each further failure doubles it
 * @param maxDelay the longest wait
 * @param window failures are forgotten once this long has passed since the last one (and any wait is over);
 *     longer than {@code maxDelay}, or the waits would never grow
 * @param maxTracked at most this many pairs, and this many sources, are remembered (bounded memory)
 */
@ConfigurationProperties("rdfund.security.login-throttle")
record LoginThrottleSettings(int failuresPerUser, int failuresPerSource, Duration firstDelay, Duration maxDelay,
        Duration window, long maxTracked) {

    LoginThrottleSettings {
        require(failuresPerUser > 0, "failures-per-user 必须大于 0");
        require(failuresPerSource >= failuresPerUser, "failures-per-source 不能小于 failures-per-user");
        require(firstDelay != null && !firstDelay.isNegative() && !firstDelay.isZero(), "first-delay 必须大于 0");
        require(maxDelay != null && maxDelay.compareTo(firstDelay) >= 0, "max-delay 不能小于 first-delay");
        require(window != null && window.compareTo(maxDelay) > 0, "window 必须长于 max-delay");
        require(maxTracked > 0, "max-tracked 必须大于 0");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("rdfund.security.login-throttle: " + message);
        }
    }
}
