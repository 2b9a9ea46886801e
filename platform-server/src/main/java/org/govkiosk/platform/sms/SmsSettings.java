package org.govkiosk.platform.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How messages leave: recorded in the database's outbox always; sent on from there when {@code url} is set
 * (platform.yaml {@code sms-url}, {@code sms-key-file}, {@code sms-connect-timeout-seconds},
 * {@code sms-request-timeout-seconds}, and for SMPP {@code sms-system-id}, {@code sms-source-address}): to an
 * operator's HTTP gateway ({@code https://...}, {@link HttpSmsGateway}) or to its SMSC over SMPP 3.4
 * ({@code smpps://host:port} over TLS, or {@code smpp://host:port} in the clear only to a loopback or private
 * address, i.e. over the operator's private line; {@link SmppSmsGateway}).
 *
 * @param url            the operator's send endpoint; empty: messages stay in the outbox for an adapter elsewhere
 * @param key            HTTP: sent as {@code Authorization: Bearer}; SMPP: the bind password. Never in the repository
 * @param connectTimeout bounded: a gateway that does not answer does not hold the relay
 * @param requestTimeout bounded likewise, for the whole answer
 * @param maxAttempts    a message that failed so often is marked FAILED and left for a person
 * @param systemId       SMPP only: the account the SMSC knows the platform by (bind's system_id)
 * @param sourceAddress  SMPP only: the sender number the messages come from (e.g. the hall's 106... code)
 */
public record SmsSettings(Optional<URI> url, Optional<String> key, Duration connectTimeout, Duration requestTimeout,
        int maxAttempts, Optional<String> systemId, Optional<String> sourceAddress) {

    public SmsSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        url.ifPresent(u -> checkUrl(u, key, systemId, sourceAddress));
        for (Duration d : new Duration[] {connectTimeout, requestTimeout}) {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new IllegalArgumentException("SMS timeouts must be 1 s to 120 s, was " + d.toSeconds() + " s");
            }
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("sms max attempts must be 1..100");
        }
    }

    /** An HTTP gateway's settings (no SMPP account). */
    public SmsSettings(Optional<URI> url, Optional<String> key, Duration connectTimeout, Duration requestTimeout,
            int maxAttempts) {
        this(url, key, connectTimeout, requestTimeout, maxAttempts, Optional.empty(), Optional.empty());
    }

    /** Outbox only, nothing sent on (embedded, tests). */
    public static SmsSettings outboxOnly() {
        return new SmsSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), 10);
    }

    /** Whether messages go to an SMSC over SMPP rather than to an HTTP gateway. */
    public boolean smpp() {
        return url.map(u -> SMPP.equals(u.getScheme()) || SMPPS.equals(u.getScheme())).orElse(false);
    }

    static final String SMPP = "smpp";
    static final String SMPPS = "smpps";

    private static void checkUrl(URI u, Optional<String> key, Optional<String> systemId,
            Optional<String> sourceAddress) {
        String scheme = String.valueOf(u.getScheme());
        switch (scheme) {
            case "https" -> { }
            case "http" -> {
                if (!org.govkiosk.api.LoopbackHost.is(u.getHost())) {
                    throw new IllegalArgumentException("sms-url must be https (plain http only on loopback), was " + u);
                }
            }
            case SMPP, SMPPS -> {
                if (u.getHost() == null || u.getPort() < 1) {
                    throw new IllegalArgumentException("sms-url: an SMSC is smpps://HOST:PORT or smpp://HOST:PORT, was "
                            + u);
                }
                if (SMPP.equals(scheme) && !org.govkiosk.api.LoopbackHost.is(u.getHost()) && !privateAddress(u.getHost())) {
                    throw new IllegalArgumentException("sms-url: plain smpp:// sends the bind password in the clear:"
                            + " only to a loopback or private address (the operator's private line); use smpps:// for "
                            + u.getHost());
                }
                if (systemId.filter(s -> s.matches("[\\x21-\\x7e]{1,15}")).isEmpty()) {
                    throw new IllegalArgumentException("sms-system-id: the SMPP account, 1 to 15 printable ASCII"
                            + " characters, is required with an smpp sms-url");
                }
                if (key.filter(k -> k.matches("[\\x21-\\x7e]{1,8}")).isEmpty()) {
                    throw new IllegalArgumentException("sms-key-file: the SMPP bind password, 1 to 8 printable ASCII"
                            + " characters (SMPP 3.4), is required with an smpp sms-url");
                }
                if (sourceAddress.filter(a -> a.matches("[0-9]{3,20}")).isEmpty()) {
                    throw new IllegalArgumentException("sms-source-address: the sender number, 3 to 20 digits, is"
                            + " required with an smpp sms-url");
                }
            }
            default -> throw new IllegalArgumentException("sms-url must be https://, smpps:// or smpp://, was " + u);
        }
    }

    /** A literal address of a private network (RFC 1918, RFC 4193): the operator's private line, not the internet. */
    private static boolean privateAddress(String host) {
        if (!host.matches("[0-9.]+") && !host.matches("\\[?[0-9a-fA-F:]+\\]?")) {
            return false; // a name could resolve anywhere
        }
        try {
            java.net.InetAddress a = java.net.InetAddress.getByName(host.replace("[", "").replace("]", ""));
            return a.isSiteLocalAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SmsSettings[url=" + url.map(URI::toString).orElse("(outbox only)") + " key=" + key.isPresent()
                + systemId.map(s -> " system-id=" + s).orElse("") + "]";
    }
}
