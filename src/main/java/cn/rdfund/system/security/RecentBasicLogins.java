package cn.rdfund.system.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HTTP Basic logins that succeeded in the last few seconds ({@code rdfund.security.basic-login-memory}, default 10 s;
 * {@code PT0S} remembers none), with the user's groups: an API client sends its credentials with every request, and
 * checking them each time (the password hash and the group lookup, two engine commands) was a large part of a
 * request's cost. Remembered under a salted SHA-256 of user id and password (the salt is random per start, the
 * password is never kept), so only the same password finds an entry. Any change to users, groups or memberships on
 * this node forgets every entry (ThrottledLoginPlugin); on other nodes an entry lives at most its few seconds — less
 * than the five minutes the webapps keep a login's groups in their session. A remembered login still passes the
 * login throttle (docs/security.md#throttling).
 */
final class RecentBasicLogins {

    private final Cache<String, CamundaUser> logins;
    private final byte[] salt = new byte[16];

    RecentBasicLogins(Duration memory, long maximum) {
        new SecureRandom().nextBytes(salt);
        this.logins = memory.isZero() || memory.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(memory).maximumSize(maximum).build();
    }

    Optional<CamundaUser> find(String userId, String password) {
        return logins == null ? Optional.empty() : Optional.ofNullable(logins.getIfPresent(key(userId, password)));
    }

    void remember(String userId, String password, CamundaUser user) {
        if (logins != null) {
            logins.put(key(userId, password), user);
        }
    }

    void forgetAll() {
        if (logins != null) {
            logins.invalidateAll();
        }
    }

    private String key(String userId, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(userId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
