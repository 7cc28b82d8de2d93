package cn.rdfund.system.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP Basic logins that succeeded in the last few seconds ({@code rdfund.security.basic-login-memory}, default 10 s;
 * {@code PT0S} remembers none), with the user's groups: an API client sends its credentials with every request, and
 * checking them each time (the password hash and the group lookup, two engine commands) was a large part of a
 * request's cost. Remembered under a salted SHA-256 of user id and password (the salt is random per start, the
 * password is never kept), so only the same password finds an entry. Any change to users, groups or memberships on
 * this node forgets every entry (ThrottledLoginPlugin); on other nodes an entry lives at most its few seconds — less
 * than the five minutes the webapps keep a login's groups in their session (at most {@link #MAX_MEMORY}). A login
 * checked while such a change happened is not remembered. A remembered login still passes the login throttle
 * (docs/security.md#throttling).
 */
final class RecentBasicLogins {

    /** Longer would let a change made on another node go unnoticed there for longer (docs/security.md). */
    static final Duration MAX_MEMORY = Duration.ofMinutes(1);

    private final Cache<String, CamundaUser> logins;
    private final byte[] salt = new byte[16];
    /** Counts the changes that forgot everything, so that a check begun before one is not remembered after it. */
    private final AtomicLong changes = new AtomicLong();

    RecentBasicLogins(Duration memory, long maximum) {
        if (memory.compareTo(MAX_MEMORY) > 0) {
            throw new IllegalArgumentException("rdfund.security.basic-login-memory: 最长 " + MAX_MEMORY + "，现为 " + memory);
        }
        new SecureRandom().nextBytes(salt);
        this.logins = memory.isZero() || memory.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(memory).maximumSize(maximum).build();
    }

    Optional<CamundaUser> find(String userId, String password) {
        return logins == null ? Optional.empty() : Optional.ofNullable(logins.getIfPresent(key(userId, password)));
    }

    /** Where identity changes stand now: hand it back to {@link #remember} for a check begun now. */
    long changesSoFar() {
        return changes.get();
    }

    /**
     * Remembers a login checked since {@code changesBefore} ({@link #changesSoFar} before the check) — unless users,
     * groups or memberships changed meanwhile: then what the check read may already be out of date.
     */
    void remember(String userId, String password, CamundaUser user, long changesBefore) {
        if (logins != null && changes.get() == changesBefore) {
            String key = key(userId, password);
            logins.put(key, user);
            if (changes.get() != changesBefore) {
                logins.invalidate(key);
            }
        }
    }

    void forgetAll() {
        changes.incrementAndGet();
        if (logins != null) {
            logins.invalidateAll();
        }
    }

    private String key(String userId, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] user = userId.getBytes(StandardCharsets.UTF_8);
            digest.update(salt);
            // the user id's length first: no other user id and password give the same bytes
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(user.length).array());
            digest.update(user);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
