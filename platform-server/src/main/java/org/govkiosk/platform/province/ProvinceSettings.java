package org.govkiosk.platform.province;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.shared.config.YamlSection;

/**
 * The link to the provincial 好差评 system, platform.yaml's {@code province:} section. Without {@code url} the
 * outbox still records every rating (nothing is lost while a hall is not yet linked) but nothing is sent, and no
 * 差评通报单 is taken.
 *
 * @param url            the province's base URL; deliveries go to {@code url + /deliveries}, https (http only on
 *                       loopback)
 * @param keyId          the id of the shared key, sent with every request
 * @param key            the shared key the platform signs with (from {@code key-file}: base64, at least 16 bytes)
 * @param provinceKey    the key the province signs its 差评通报单 and answers with ({@code notice-key-file}; the same
 *                       key when not given)
 * @param batchSize      entries claimed per run of the sender
 * @param maxAttempts    an entry that failed so often becomes a dead letter
 * @param interval       how often the sender runs
 * @param retryBase      the first wait after a failure (the shared Backoff doubles it up to {@code retryCap})
 */
public record ProvinceSettings(Optional<URI> url, String keyId, byte[] key, byte[] provinceKey, int batchSize,
        int maxAttempts, Duration interval, Duration connectTimeout, Duration requestTimeout, Duration retryBase,
        Duration retryCap) {

    public static final List<String> KEYS = List.of("url", "key-id", "key-file", "notice-key-file", "batch-size",
            "max-attempts", "interval-seconds", "connect-timeout-seconds", "request-timeout-seconds",
            "retry-base-seconds", "retry-cap-seconds");

    public ProvinceSettings {
        Objects.requireNonNull(url, "url");
        url.ifPresent(u -> {
            if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme())
                    && org.govkiosk.api.LoopbackHost.is(u.getHost()))) {
                throw new IllegalArgumentException("province.url must be https (plain http only on loopback), was "
                        + u);
            }
        });
        if (url.isPresent() && (key == null || key.length < 16 || keyId == null || keyId.isBlank())) {
            throw new IllegalArgumentException("province: url needs key-id and key-file (a key of 16 bytes or more)");
        }
        if (batchSize < 1 || batchSize > 500 || maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("province: batch-size must be 1..500, max-attempts 1..100");
        }
    }

    /** Not linked: the outbox records, nothing is sent (embedded, tests). */
    public static ProvinceSettings none() {
        return new ProvinceSettings(Optional.empty(), "", new byte[0], new byte[0], 50, 10, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofHours(1));
    }

    /** Linked to {@code url} with one shared key both ways and the defaults otherwise (tests). */
    public static ProvinceSettings linked(URI url, String keyId, byte[] key) {
        ProvinceSettings d = none();
        return new ProvinceSettings(Optional.of(url), keyId, key, key, d.batchSize, d.maxAttempts, d.interval,
                d.connectTimeout, d.requestTimeout, d.retryBase, d.retryCap);
    }

    public ProvinceSettings withAttempts(int attempts, Duration base, Duration cap) {
        return new ProvinceSettings(url, keyId, key, provinceKey, batchSize, attempts, interval, connectTimeout,
                requestTimeout, base, cap);
    }

    public ProvinceSettings withTimeouts(Duration connect, Duration request) {
        return new ProvinceSettings(url, keyId, key, provinceKey, batchSize, maxAttempts, interval, connect, request,
                retryBase, retryCap);
    }

    public ProvinceSettings withBatchSize(int size) {
        return new ProvinceSettings(url, keyId, key, provinceKey, size, maxAttempts, interval, connectTimeout,
                requestTimeout, retryBase, retryCap);
    }

    public ProvinceSettings withInterval(Duration every) {
        return new ProvinceSettings(url, keyId, key, provinceKey, batchSize, maxAttempts, every, connectTimeout,
                requestTimeout, retryBase, retryCap);
    }

    /**
     * Reads the {@code province:} section; every problem is added to {@code problems} as FILE: KEY: PROBLEM.
     *
     * @param dir where relative key files are
     */
    public static ProvinceSettings read(YamlSection s, Path dir, List<String> problems) {
        s.onlyKeys(KEYS);
        ProvinceSettings d = none();
        Optional<URI> url = s.string("url", false).flatMap(u -> {
            try {
                URI uri = URI.create(u.replaceAll("/+$", ""));
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme())
                        && org.govkiosk.api.LoopbackHost.is(uri.getHost()))) {
                    s.problem(s.key("url"), "must be https (plain http only on loopback), was " + u);
                    return Optional.empty();
                }
                return Optional.of(uri);
            } catch (IllegalArgumentException e) {
                s.problem(s.key("url"), "'" + u + "' is not a URL");
                return Optional.empty();
            }
        });
        String keyId = s.quotedString("key-id", url.isPresent()).orElse("");
        byte[] key = s.string("key-file", url.isPresent()).map(f -> key(s, "key-file", dir.resolve(f)))
                .orElse(new byte[0]);
        byte[] provinceKey = s.string("notice-key-file", false).map(f -> key(s, "notice-key-file", dir.resolve(f)))
                .orElse(key);
        int batch = s.integer("batch-size", 1, 500).orElse(d.batchSize);
        int attempts = s.integer("max-attempts", 1, 100).orElse(d.maxAttempts);
        Duration interval = seconds(s, "interval-seconds", 1, 3600, d.interval);
        Duration connect = seconds(s, "connect-timeout-seconds", 1, 120, d.connectTimeout);
        Duration request = seconds(s, "request-timeout-seconds", 1, 120, d.requestTimeout);
        Duration base = seconds(s, "retry-base-seconds", 1, 3600, d.retryBase);
        Duration cap = seconds(s, "retry-cap-seconds", 1, 86_400, d.retryCap);
        if (cap.compareTo(base) < 0) {
            s.problem(s.key("retry-cap-seconds"), "must not be less than retry-base-seconds");
            cap = base;
        }
        if (!problems.isEmpty() || s.problemCount() > 0) {
            return none();
        }
        return new ProvinceSettings(url, keyId, key, provinceKey, batch, attempts, interval, connect, request, base,
                cap);
    }

    private static Duration seconds(YamlSection s, String name, int min, int max, Duration absent) {
        return s.integer(name, min, max).map(n -> Duration.ofSeconds(n)).orElse(absent);
    }

    private static byte[] key(YamlSection s, String name, Path file) {
        try {
            if (Files.size(file) > 4096) {
                s.problem(s.key(name), file + " is over 4096 bytes: not a key file");
                return new byte[0];
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < 16) {
                s.problem(s.key(name), "the key in " + file + " has " + key.length
                        + " bytes; at least 16 (openssl rand -base64 32)");
            }
            return key;
        } catch (IOException e) {
            s.problem(s.key(name), "cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            s.problem(s.key(name), file + " does not hold a base64 key (openssl rand -base64 32)");
        }
        return new byte[0];
    }

    @Override
    public String toString() {
        return "ProvinceSettings[url=" + url.map(URI::toString).orElse("(not linked)") + " keyId=" + keyId
                + " batch=" + batchSize + " attempts=" + maxAttempts + "]";
    }
}
