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
 * @param maxFailedLogins          wrong clerk tokens (fleet login or Bearer) from one client before it is locked out
 * @param loginLockout             how long such a lockout lasts
 */
public record Exposure(boolean behindTlsProxy, long minRequestDataRate, Duration bodyReadTimeout,
        int maxConnectionsPerAddress, int maxFailedLogins, Duration loginLockout) {

    public static final long DEFAULT_MIN_REQUEST_DATA_RATE = 1024;
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32;
    public static final int DEFAULT_MAX_FAILED_LOGINS = 5;
    public static final Duration DEFAULT_LOGIN_LOCKOUT = Duration.ofMinutes(5);

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
        if (maxFailedLogins < 1 || maxFailedLogins > 100) {
            throw new IllegalArgumentException("max-failed-logins must be 1 to 100");
        }
        if (loginLockout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("login-lockout-seconds must be at least 1");
        }
    }

    public static Exposure defaults() {
        return new Exposure(false, DEFAULT_MIN_REQUEST_DATA_RATE, DEFAULT_BODY_READ_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_FAILED_LOGINS, DEFAULT_LOGIN_LOCKOUT);
    }

    public Exposure withBehindTlsProxy(boolean behind) {
        return new Exposure(behind, minRequestDataRate, bodyReadTimeout, maxConnectionsPerAddress, maxFailedLogins,
                loginLockout);
    }

    public Exposure withBodyLimits(long minRate, Duration readTimeout, int connectionsPerAddress) {
        return new Exposure(behindTlsProxy, minRate, readTimeout, connectionsPerAddress, maxFailedLogins,
                loginLockout);
    }

    public Exposure withLogins(int maxFailed, Duration lockout) {
        return new Exposure(behindTlsProxy, minRequestDataRate, bodyReadTimeout, maxConnectionsPerAddress, maxFailed,
                lockout);
    }
}
