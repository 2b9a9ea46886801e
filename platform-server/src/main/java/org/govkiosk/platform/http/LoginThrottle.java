package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.store.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrong credentials per client address (fleet login, clerk Bearer token, enrolment token): after
 * {@code maxFailures} in a row, every further attempt from that client is refused with 429 and a Retry-After until
 * the lockout has passed, the right token included, so guessing runs at a few tries per lockout instead of a
 * thousand a second. The counts live in the database ({@link LoginFailures}): with several platform instances
 * behind a load balancer, a guesser whose tries are spread over them is locked out after {@code maxFailures} all
 * the same. Behind the balancer the client address is the forwarded one ({@code --behind-proxy}).
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final LoginFailures failures;

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock, LoginFailures failures) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
        this.failures = failures;
    }

    /** How long {@code client} stays locked out; empty if it may try now. */
    public Optional<Duration> lockedFor(String client) {
        Instant now = clock.instant();
        return failures.lockedUntil(client).filter(now::isBefore).map(until -> Duration.between(now, until));
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
    public void failed(String client) {
        failures.failed(client, clock.instant(), maxFailures, lockout).ifPresent(until ->
                LOG.warn("{} wrong tokens in a row from {}: locked out for {} s", maxFailures, client,
                        lockout.toSeconds()));
    }

    public void succeeded(String client) {
        failures.succeeded(client);
    }

    public static long retryAfterSeconds(Duration left) {
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }
}
