package org.govkiosk.platform.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the platform faces the network, and what one client may cost it.
 *
 * @param behindTlsProxy           a TLS proxy on this host or network terminates HTTPS and forwards here: plain HTTP
 *                                 may listen on a non-loopback address, and the proxy's {@code Forwarded} /
 *                                 {@code X-Forwarded-*} headers name the client and the scheme
 * @param minRequestDataRate       bytes per second a request body must keep up once it has begun (Jetty's minimum
 *                                 request data rate); slower is answered 408
 * @param bodyReadTimeout          a request body must have arrived whole within this much of the handler's start
 * @param maxConnectionsPerAddress connections one client address may hold open at once; 0: no limit (behind a
 *                                 proxy every connection comes from the proxy)
 * @param maxFailedLogins          wrong tokens or staff passwords from one client (or for one staff account) before
 *                                 it is locked out
 * @param loginLockout             how long such a lockout lasts
 * @param staffSessionIdle         a staff session unused this long ends
 * @param staffSessionMax          a staff session ends this long after its sign-in, used or not
 * @param intakeConcurrency        cases and 补正 handled at once, past reading their bodies (0: no limit); the
 *                                 others wait their turn. As many as the cores: a burst of submissions then queues
 *                                 here instead of crowding the CPU, and a rating request pushed to a pad meanwhile is
 *                                 not held up
 */
public record Exposure(boolean behindTlsProxy, long minRequestDataRate, Duration bodyReadTimeout,
        int maxConnectionsPerAddress, int maxFailedLogins, Duration loginLockout, Duration staffSessionIdle,
        Duration staffSessionMax, int intakeConcurrency) {

    public static final Duration DEFAULT_STAFF_SESSION_IDLE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_STAFF_SESSION_MAX = Duration.ofHours(10);

    public static final long DEFAULT_MIN_REQUEST_DATA_RATE = 1024;
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32;
    public static final int DEFAULT_MAX_FAILED_LOGINS = 5;
    public static final Duration DEFAULT_LOGIN_LOCKOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_INTAKE_CONCURRENCY = Runtime.getRuntime().availableProcessors();

    public Exposure {
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        Objects.requireNonNull(loginLockout, "loginLockout");
        if (minRequestDataRate < 0) {
            throw new IllegalArgumentException("min-request-data-rate must be 0 (off) or more bytes per second");
        }
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("body-read-timeout-seconds must be positive");
        }
        if (maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("max-connections-per-address must be 0 (no limit) or more");
        }
        if (intakeConcurrency < 0) {
            throw new IllegalArgumentException("intake-concurrency must be 0 (no limit) or more");
        }
        if (maxFailedLogins < 1 || maxFailedLogins > 100) {
            throw new IllegalArgumentException("max-failed-logins must be 1 to 100");
        }
        if (loginLockout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("login-lockout-seconds must be at least 1");
        }
        Objects.requireNonNull(staffSessionIdle, "staffSessionIdle");
        Objects.requireNonNull(staffSessionMax, "staffSessionMax");
        if (staffSessionIdle.compareTo(Duration.ofMinutes(1)) < 0 || staffSessionIdle.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("staff-session-idle-minutes must be 1 to 1440");
        }
        if (staffSessionMax.compareTo(staffSessionIdle) < 0 || staffSessionMax.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("staff-session-max-hours must be at least the idle limit and at most"
                    + " 168");
        }
    }

    public static Exposure defaults() {
        return new Exposure(false, DEFAULT_MIN_REQUEST_DATA_RATE, DEFAULT_BODY_READ_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_FAILED_LOGINS, DEFAULT_LOGIN_LOCKOUT,
                DEFAULT_STAFF_SESSION_IDLE, DEFAULT_STAFF_SESSION_MAX, DEFAULT_INTAKE_CONCURRENCY);
    }

    public Exposure withBehindTlsProxy(boolean behind) {
        return new Exposure(behind, minRequestDataRate, bodyReadTimeout, maxConnectionsPerAddress, maxFailedLogins,
                loginLockout, staffSessionIdle, staffSessionMax, intakeConcurrency);
    }

    public Exposure withBodyLimits(long minRate, Duration readTimeout, int connectionsPerAddress) {
        return new Exposure(behindTlsProxy, minRate, readTimeout, connectionsPerAddress, maxFailedLogins,
                loginLockout, staffSessionIdle, staffSessionMax, intakeConcurrency);
    }

    public Exposure withLogins(int maxFailed, Duration lockout) {
        return new Exposure(behindTlsProxy, minRequestDataRate, bodyReadTimeout, maxConnectionsPerAddress, maxFailed,
                lockout, staffSessionIdle, staffSessionMax, intakeConcurrency);
    }

    public Exposure withStaffSessions(Duration idle, Duration max) {
        return new Exposure(behindTlsProxy, minRequestDataRate, bodyReadTimeout, maxConnectionsPerAddress,
                maxFailedLogins, loginLockout, idle, max, intakeConcurrency);
    }

    public Exposure withIntakeConcurrency(int cases) {
        return new Exposure(behindTlsProxy, minRequestDataRate, bodyReadTimeout, maxConnectionsPerAddress,
                maxFailedLogins, loginLockout, staffSessionIdle, staffSessionMax, cases);
    }
}
