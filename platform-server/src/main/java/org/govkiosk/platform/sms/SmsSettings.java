package org.govkiosk.platform.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How messages leave: recorded in the database's outbox always; sent on from there through an HTTP gateway when
 * {@code url} is set (platform.yaml {@code sms-url}, {@code sms-key-file}, {@code sms-connect-timeout-seconds},
 * {@code sms-request-timeout-seconds}).
 *
 * @param url            the operator's send endpoint; empty: messages stay in the outbox for an adapter elsewhere
 * @param key            sent as {@code Authorization: Bearer}; never in the repository
 * @param connectTimeout bounded: a gateway that does not answer does not hold the relay
 * @param requestTimeout bounded likewise, for the whole answer
 * @param maxAttempts    a message that failed so often is marked FAILED and left for a person
 */
public record SmsSettings(Optional<URI> url, Optional<String> key, Duration connectTimeout, Duration requestTimeout,
        int maxAttempts) {

    public SmsSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
        url.ifPresent(u -> {
            if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme())
                    && org.govkiosk.api.LoopbackHost.is(u.getHost()))) {
                throw new IllegalArgumentException("sms-url must be https (plain http only on loopback), was " + u);
            }
        });
        for (Duration d : new Duration[] {connectTimeout, requestTimeout}) {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new IllegalArgumentException("SMS timeouts must be 1 s to 120 s, was " + d.toSeconds() + " s");
            }
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("sms max attempts must be 1..100");
        }
    }

    /** Outbox only, nothing sent on (embedded, tests). */
    public static SmsSettings outboxOnly() {
        return new SmsSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), 10);
    }

    @Override
    public String toString() {
        return "SmsSettings[url=" + url.map(URI::toString).orElse("(outbox only)") + " key=" + key.isPresent() + "]";
    }
}
