package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.api.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrong credentials per client address (fleet login, clerk Bearer token, enrolment token): after
 * {@code maxFailures} in a row, every further attempt from that client is refused with 429 and a Retry-After until
 * the lockout has passed, the right token included, so guessing runs at a few tries per lockout instead of a
 * thousand a second. Kept in this process: with several platform instances behind a load balancer an attacker gets
 * {@code maxFailures} per instance and lockout.
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Clients remembered at most; the least recently seen are forgotten first. */
    private static final int MAX_CLIENTS = 10_000;

    private record Entry(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Entry> clients = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long {@code client} stays locked out; empty if it may try now. */
    public synchronized Optional<Duration> lockedFor(String client) {
        Entry e = clients.get(client);
        Instant now = clock.instant();
        if (e == null || e.lockedUntil() == null || !now.isBefore(e.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, e.lockedUntil()));
    }

    /** Refuses (429, Retry-After) a client that is locked out. */
    public void check(Context ctx) {
        lockedFor(ctx.ip()).ifPresent(left -> {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds(left)));
            throw new ApiException(429, ErrorCodes.TOO_MANY_ATTEMPTS, "too many wrong tokens from this address;"
                    + " try again in " + retryAfterSeconds(left) + " s", true);
        });
    }

    /** A wrong token from {@code client}; the one that reaches the limit starts the lockout. */
    public synchronized void failed(String client) {
        Instant now = clock.instant();
        Entry e = clients.get(client);
        // Failures further apart than a lockout do not add up.
        int before = e == null || e.lastFailure().plus(lockout).isBefore(now) ? 0 : e.failures();
        int failures = before + 1;
        if (failures >= maxFailures) {
            LOG.warn("{} wrong tokens in a row from {}: locked out for {} s", failures, client, lockout.toSeconds());
            clients.put(client, new Entry(0, now, now.plus(lockout)));
        } else {
            clients.put(client, new Entry(failures, now, null));
        }
    }

    public synchronized void succeeded(String client) {
        clients.remove(client);
    }

    public static long retryAfterSeconds(Duration left) {
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }
}
