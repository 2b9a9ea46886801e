package org.govkiosk.app.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach the platform.
 *
 * @param baseUrl          e.g. {@code https://gateway.example.gov.cn/kiosk}; the API paths are appended
 * @param pins             SHA-256 pins of the server certificate's public key ({@code sha256/BASE64}, as
 *                         {@link PinnedTrustManager#pinOf} prints them). Empty: the JDK's trust store and hostname
 *                         check. Not empty: only a certificate with one of these keys is accepted, whoever signed
 *                         it — halls' gateways often use their own certificates.
 * @param connectTimeout   to open a connection
 * @param callTimeout      the whole call, from sending to the last byte of the answer: a platform that trickles
 *                         its answer cannot hold the worker
 * @param maxResponseBytes larger JSON answers are cut off with {@link PlatformFailure#RESPONSE_TOO_LARGE}
 * @param maxDocumentBytes the same for certificate PDFs
 */
public record PlatformClientConfig(URI baseUrl, Set<String> pins, Duration connectTimeout, Duration callTimeout,
        int maxResponseBytes, int maxDocumentBytes) {

    public PlatformClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("platform URL must be http(s)://host..., got " + baseUrl);
        }
        pins = Set.copyOf(pins);
        pins.forEach(PinnedTrustManager::parsePin);
        if (!pins.isEmpty() && scheme.equals("http")) {
            throw new IllegalArgumentException("certificate pins are set but the platform URL is plain http: "
                    + baseUrl);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(callTimeout, "callTimeout");
        if (maxResponseBytes < 1024 || maxDocumentBytes < 1024) {
            throw new IllegalArgumentException("response limits must be at least 1 KiB");
        }
    }

    /** 5 s to connect, 20 s per call, 1 MiB JSON, 20 MiB documents. */
    public static PlatformClientConfig of(URI baseUrl, Set<String> pins) {
        return new PlatformClientConfig(baseUrl, pins, Duration.ofSeconds(5), Duration.ofSeconds(20), 1 << 20,
                20 << 20);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
