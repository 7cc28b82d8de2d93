package cn.rdfund.system.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down wrong passwords per source (client address) and per source and user name, never per account: a
 * wrong password from one address makes nobody wait anywhere else, so nobody can lock a user out. See
 * docs/security.md#throttling.
 *
 * <p>Each attempt is counted from {@link #begin} until its outcome, so a burst of simultaneous guesses cannot
 * slip past the limit before the first failure is recorded: once a pair or source has failed, at most the
 * failures it has left may be checked at the same time. After its free failures, a pair (or a source) waits
 * {@code first-delay} after the next failure, twice that after the one after, up to {@code max-delay};
 * attempts during the wait are refused unchecked and not counted. A correct password forgets the pair's
 * failures, not the source's (someone spraying guesses must not clear them with their own account).
 * Memory is bounded: at most {@code max-tracked} pairs and as many sources, each forgotten once its window
 * has passed.
 */
final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** How long to come back after when the attempts left are all being checked right now. */
    private static final long BUSY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Camunda's user ids have at most 64 characters; longer names need not be remembered in full. */
    private static final int MAX_NAME = 128;

    /** Whether a refusal is for the user name from this source, or for the whole source. */
    enum Scope { USER, SOURCE }

    sealed interface Attempt permits Permit, Refusal {
    }

    record Refusal(Duration retryAfter, Scope scope) implements Attempt {
    }

    private record Pair(String source, String user) {
    }

    private final LoginThrottleSettings settings;
    private final Ticker ticker;
    private final long origin;
    private final long windowNanos;
    private final Cache<Pair, Tally> pairs;
    private final Cache<String, Tally> sources;

    LoginThrottle(LoginThrottleSettings settings, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.origin = ticker.read();
        this.windowNanos = settings.window().toNanos();
        this.pairs = cache();
        this.sources = cache();
    }

    /** A permit to check this password now, or how long this source (and name) must wait first. */
    Attempt begin(String source, String userId) {
        String user = normalized(userId);
        long now = now();
        long sourceWait = reserve(sources, source, settings.failuresPerSource(), now);
        if (sourceWait > 0) {
            return new Refusal(Duration.ofNanos(sourceWait), Scope.SOURCE);
        }
        Pair pair = new Pair(source, user);
        long pairWait = reserve(pairs, pair, settings.failuresPerUser(), now);
        if (pairWait > 0) {
            update(sources, source, Tally::release);
            return new Refusal(Duration.ofNanos(pairWait), Scope.USER);
        }
        return new Permit(source, pair);
    }

    /**
     * The name an attempt is counted under, case and surrounding spaces ignored: under a case-insensitive database
     * collation {@code Finance } finds the user {@code finance}, and such variants must not buy more guesses.
     */
    static String normalized(String userId) {
        String name = userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** One attempt's place in the count; its outcome is told exactly once (later calls do nothing). */
    final class Permit implements Attempt {

        private final String source;
        private final Pair pair;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit(String source, Pair pair) {
            this.source = source;
            this.pair = pair;
        }

        boolean isFor(String userId) {
            return open.get() && pair.user().equals(normalized(userId));
        }

        void succeeded() {
            if (open.compareAndSet(true, false)) {
                update(pairs, pair, Tally::cleared);
                update(sources, source, Tally::release);
            }
        }

        void failed() {
            if (open.compareAndSet(true, false)) {
                long now = now();
                Tally pairTally = update(pairs, pair, tally -> tally.failed(now, settings.failuresPerUser(), delays()));
                Tally sourceTally = update(sources, source,
                        tally -> tally.failed(now, settings.failuresPerSource(), delays()));
                if (waiting(pairTally, now)) {
                    LOG.warn("登录限流：来源 {} 对用户名 {} 已失败 {} 次，{} 秒内不再核对这一组合的密码", printable(source),
                            printable(pair.user()), pairTally.failures(), seconds(pairTally.blockedUntil() - now));
                }
                if (waiting(sourceTally, now)) {
                    LOG.warn("登录限流：来源 {} 已失败 {} 次（不论用户名），{} 秒内不再核对来自它的密码", printable(source),
                            sourceTally.failures(), seconds(sourceTally.blockedUntil() - now));
                }
            }
        }

        /** The password was never checked (the request went elsewhere, or the check broke): not a failure. */
        void abandoned() {
            if (open.compareAndSet(true, false)) {
                update(pairs, pair, Tally::release);
                update(sources, source, Tally::release);
            }
        }

        private static boolean waiting(Tally tally, long now) {
            return tally != null && tally.blockedUntil() - now > 0;
        }

        private static long seconds(long nanos) {
            return TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
        }
    }

    /**
     * Failures (forgotten once the window has passed since the last one and any wait is over), attempts being
     * checked now, and until when further attempts are refused; times in nanoseconds since this throttle started.
     */
    private record Tally(int failures, int pending, long lastFailure, long blockedUntil) {

        static final Tally NONE = new Tally(0, 0, 0, 0);

        Tally current(long now, long window) {
            boolean quiet = now - lastFailure >= window && now - blockedUntil >= 0;
            return failures > 0 && quiet ? new Tally(0, pending, 0, 0) : this;
        }

        /** Nanoseconds to wait before another attempt may be checked, 0 if it may be now. */
        long waitNanos(long now, int free) {
            if (blockedUntil - now > 0) {
                return blockedUntil - now;
            }
            return pending > 0 && failures + pending >= free ? BUSY_NANOS : 0;
        }

        Tally reserved() {
            return new Tally(failures, pending + 1, lastFailure, blockedUntil);
        }

        Tally release() {
            return new Tally(failures, Math.max(pending - 1, 0), lastFailure, blockedUntil);
        }

        Tally cleared() {
            return new Tally(0, Math.max(pending - 1, 0), 0, 0);
        }

        Tally failed(long now, int free, Delays delays) {
            int count = failures + 1;
            long until = count >= free ? now + delays.nanosAfter(count - free) : blockedUntil;
            return new Tally(count, Math.max(pending - 1, 0), now, until);
        }

        boolean empty() {
            return failures == 0 && pending == 0;
        }
    }

    /** {@code first-delay} doubled per failure beyond the free ones, at most {@code max-delay}. */
    private record Delays(long first, long max) {

        long nanosAfter(int failuresBeyondFree) {
            long delay = first;
            for (int i = 0; i < failuresBeyondFree && delay < max; i++) {
                delay *= 2;
            }
            return Math.min(delay, max);
        }
    }

    private Delays delays() {
        return new Delays(settings.firstDelay().toNanos(), settings.maxDelay().toNanos());
    }

    /** Reserves a place for an attempt under the key; the nanoseconds to wait instead if it must. */
    private <K> long reserve(Cache<K, Tally> cache, K key, int free, long now) {
        long[] wait = {0};
        cache.asMap().compute(key, (k, old) -> {
            Tally tally = (old == null ? Tally.NONE : old).current(now, windowNanos);
            wait[0] = tally.waitNanos(now, free);
            Tally next = wait[0] > 0 ? tally : tally.reserved();
            return next.empty() ? null : next;
        });
        return wait[0];
    }

    private <K> Tally update(Cache<K, Tally> cache, K key, UnaryOperator<Tally> change) {
        long now = now();
        return cache.asMap().compute(key, (k, old) -> {
            Tally next = change.apply((old == null ? Tally.NONE : old).current(now, windowNanos));
            return next.empty() ? null : next;
        });
    }

    private long now() {
        return ticker.read() - origin;
    }

    private <K> Cache<K, Tally> cache() {
        return Caffeine.newBuilder()
                .maximumSize(settings.maxTracked())
                .ticker(ticker)
                .expireAfter(new Expiry<K, Tally>() {
                    @Override
                    public long expireAfterCreate(K key, Tally tally, long currentTime) {
                        return lifetime(tally, currentTime - origin);
                    }

                    @Override
                    public long expireAfterUpdate(K key, Tally tally, long currentTime, long currentDuration) {
                        return lifetime(tally, currentTime - origin);
                    }

                    @Override
                    public long expireAfterRead(K key, Tally tally, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** Kept while its failures count or its wait runs; an entry with only attempts in progress, one window. */
    private long lifetime(Tally tally, long now) {
        if (tally.failures() == 0) {
            return windowNanos;
        }
        long end = Math.max(tally.lastFailure() + windowNanos, tally.blockedUntil());
        return Math.max(end - now, 0);
    }

    /** User names and addresses come from the caller: no line breaks or control characters into the log. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
