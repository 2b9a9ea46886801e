package org.govkiosk.platform;

import org.govkiosk.platform.config.Exposure;
import org.govkiosk.platform.config.PlatformConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.platform.cases.CaseDecisions;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * Builds the standalone configuration from a YAML file, then command-line flags, then the environment for
 * secrets. Secrets are read from files ({@code *-file}) or environment variables, so they show neither in the
 * process list nor in the repository. Every problem is reported with the file or flag and the key.
 */
public final class PlatformConfigLoader {

    public static final String USAGE = """
            usage: java -jar govkiosk-platform.jar [--config=FILE] [--port=N] [--bind=HOST] [--db-url=JDBC_URL]
                   [--db-user=USER] [--db-password-file=FILE] [--tls-keystore=FILE.p12] [--tls-password-file=FILE]
                   [--enrolment-token-file=FILE] [--clerk-token-file=FILE]
            Each flag is also a key of the YAML config file (port: 8686, db-url: ..., ...), plus
            max-body-bytes, max-certificate-bytes, max-clock-skew-seconds, zone, case-number-prefix,
            catalog (the terminals' catalog.yaml: each item's promised days; default: catalog.yaml beside
            the config file), calendar (the folder of the working calendar's YYYY.yaml files: public holidays
            and 调休; default: calendar/ beside the config file), promised-working-days (for an item the
            catalog lacks, 5),
            auto-decide-immediate (true: a complete 即办件 is completed at intake with its result; default true)
            result-issuer (the issuing body printed on those results) and result-font (a TrueType CJK font,
            .ttf/.ttc, embedded in them; default: the first of wqy-zenhei, wqy-microhei, uming installed),
            behind-tls-proxy (true: a TLS proxy in front terminates HTTPS; needed to serve plain HTTP on an
            address other than loopback), min-request-data-rate (bytes/s, default 1024),
            body-read-timeout-seconds (30), max-connections-per-address (32; 0: no limit),
            intake-concurrency (cases and 补正 handled at once once their bodies are read, the others waiting
            their turn; default: the cores; 0: no limit),
            max-failed-logins (wrong tokens or staff passwords from one client, or passwords for one account,
            before a lockout, 5),
            login-lockout-seconds (300), staff-session-idle-minutes (30: a staff session unused this long
            ends), staff-session-max-hours (10: and this long after its sign-in in any case), drain-seconds (on
            SIGTERM the health check fails this long while requests are still served, then pads' event streams end
            and the platform stops; 3 behind-tls-proxy, else 0: set it above the balancer's check interval times
            its fall count) and crypto-suite (ed25519-aes, the default: Ed25519 receipts; sm: SM2 receipts, and
            only terminals with SM2 keys register).
            Result documents: public-base-url (where phones reach the platform; each document's QR code opens
            its /verify page there), certificate-key-dir (generated signing keys; default ./data/certificate-keys)
            and issuing-bodies (config file only: a mapping of id to name, signing-key, public-key and seal; the
            first signs, with Ed25519, or SM2 under crypto-suite sm).
            好差评 on phones: rating-window-working-days (5: a contact served may be rated until then, after
            which the platform records 基本满意 by default), rating-job-interval-seconds (60), and the invitation
            SMS: sms-signature (【政务服务】), sms-url (the operator's HTTP gateway https://..., or its SMSC over
            SMPP 3.4: smpps://HOST:PORT, or smpp://HOST:PORT to a loopback or private address only; unset:
            messages stay in the sms_outbox table), sms-key-file (the gateway's key or the SMPP bind password),
            sms-system-id and sms-source-address (SMPP: the account and the sender number),
            sms-connect-timeout-seconds (5), sms-request-timeout-seconds (10).
            The same gateway tells the applicant of a case (its phone, unless they declined at the terminal)
            when it is accepted, needs 补正, is decided and its result can be printed: case-notices (config
            file only: accepted, needs-supplement, not-accepted, returned, completed, result-ready,
            deferral-lapsed, mailed, each a text that may name {case} and {item}; unset: the built-in texts).
            Upward delivery to the provincial 好差评 system: province (config file only: url, key-id, key-file
            (base64, 16 bytes or more), notice-key-file (the province's key for its 差评通报单; default the same),
            batch-size (50), max-attempts (10), interval-seconds (10), connect-timeout-seconds (5),
            request-timeout-seconds (10), retry-base-seconds (10), retry-cap-seconds (3600)); unset: every rating
            waits in the province_outbox table.
            Secrets may also come from the environment: GOVKIOSK_DB_PASSWORD, GOVKIOSK_TLS_PASSWORD,
            GOVKIOSK_ENROLMENT_TOKEN, GOVKIOSK_CLERK_TOKEN, GOVKIOSK_SMS_KEY.
            Defaults: port 8686 on 127.0.0.1 (0.0.0.0 with tls-keystore or behind-tls-proxy; plain HTTP on
            a network address is refused), H2 database in ./data/govkiosk-platform,
            registration closed and no machine token until their tokens are set.
            The clerk token (clerk-token-file, GOVKIOSK_CLERK_TOKEN) is the machine token: /metrics, the national
            rating export, scripted integrations. People sign in with staff accounts; the first hall
            administrator: add-staff --login=NAME --name=PERSON --role=hall-admin --halls=HALL (password from
            GOVKIOSK_STAFF_PASSWORD or standard input, never the command line).""";

    private static final Set<String> KEYS = Set.of("port", "bind", "db-url", "db-user", "db-password-file",
            "tls-keystore", "tls-password-file", "enrolment-token-file", "clerk-token-file", "max-body-bytes",
            "max-certificate-bytes", "max-clock-skew-seconds", "zone", "case-number-prefix",
            "promised-working-days", "catalog", "calendar", "auto-decide-immediate", "result-issuer",
            "result-font", "behind-tls-proxy", "min-request-data-rate", "body-read-timeout-seconds",
            "max-connections-per-address", "max-failed-logins", "login-lockout-seconds", "crypto-suite",
            "public-base-url", "certificate-key-dir", "issuing-bodies", "rating-window-working-days",
            "rating-job-interval-seconds", "sms-signature", "sms-url", "sms-key-file", "sms-connect-timeout-seconds",
            "sms-request-timeout-seconds", "sms-system-id", "sms-source-address", "case-notices", "province",
            "drain-seconds", "staff-session-idle-minutes", "staff-session-max-hours", "intake-concurrency");
    private static final Set<String> BODY_KEYS = Set.of("name", "signing-key", "public-key", "seal");

    private static final int MAX_PROMISED_DAYS = 365;
    private static final int MAX_DRAIN_SECONDS = 300;
    /**
     * The drain behind a balancer when drain-seconds is not set: above the documented check (every 500 ms, down
     * after 2) with room to spare, and above HAProxy's own default check (every 2 s, down after 3) only if set.
     */
    static final int DEFAULT_DRAIN_SECONDS_BEHIND_PROXY = 3;
    /** The whole-number keys and their largest value (0 is the smallest of each). */
    private static final Map<String, Integer> INTEGERS = Map.ofEntries(Map.entry("port", 65535),
            Map.entry("max-body-bytes", Integer.MAX_VALUE), Map.entry("max-certificate-bytes", Integer.MAX_VALUE),
            Map.entry("max-clock-skew-seconds", Integer.MAX_VALUE), Map.entry("promised-working-days",
                    MAX_PROMISED_DAYS), Map.entry("min-request-data-rate", Integer.MAX_VALUE),
            Map.entry("body-read-timeout-seconds", Integer.MAX_VALUE),
            Map.entry("max-connections-per-address", Integer.MAX_VALUE), Map.entry("intake-concurrency", 1024),
            Map.entry("max-failed-logins", Integer.MAX_VALUE), Map.entry("login-lockout-seconds", Integer.MAX_VALUE),
            Map.entry("rating-window-working-days", 30), Map.entry("rating-job-interval-seconds", 3600),
            Map.entry("sms-connect-timeout-seconds", 120), Map.entry("sms-request-timeout-seconds", 120),
            Map.entry("drain-seconds", MAX_DRAIN_SECONDS), Map.entry("staff-session-idle-minutes", 1440),
            Map.entry("staff-session-max-hours", 168));

    /** --help was given. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help");
        }
    }

    private PlatformConfigLoader() {
    }

    /** The platform's configuration and its rating window and SMS gateway. */
    public record Loaded(PlatformConfig config, org.govkiosk.platform.ratings.RatingSettings ratings,
            Optional<org.govkiosk.platform.notices.NoticeTemplates> notices,
            org.govkiosk.platform.province.ProvinceSettings province, Duration drain) {

        public Loaded(PlatformConfig config, org.govkiosk.platform.ratings.RatingSettings ratings,
                Optional<org.govkiosk.platform.notices.NoticeTemplates> notices) {
            this(config, ratings, notices, org.govkiosk.platform.province.ProvinceSettings.none(), Duration.ZERO);
        }

        public Loaded(PlatformConfig config, org.govkiosk.platform.ratings.RatingSettings ratings,
                Optional<org.govkiosk.platform.notices.NoticeTemplates> notices,
                org.govkiosk.platform.province.ProvinceSettings province) {
            this(config, ratings, notices, province, Duration.ZERO);
        }

        public Loaded(PlatformConfig config, org.govkiosk.platform.ratings.RatingSettings ratings) {
            this(config, ratings, Optional.empty());
        }
    }

    /**
     * @throws IllegalArgumentException naming the flag, or the file and key, of the first problem (all of the config
     *     file's own problems, one a line)
     */
    public static PlatformConfig fromArgs(String[] args, Map<String, String> env) {
        return load(args, env).config();
    }

    /** As {@link #fromArgs}, with the rating window and the SMS gateway (rating-*, sms-* keys). */
    public static Loaded load(String[] args, Map<String, String> env) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not of the form --key=value");
            }
            String key = arg.substring(2, eq);
            if (!key.equals("config") && !KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown flag --" + key + YamlFiles.similarKey(key, KEYS)
                        .map(k -> " (did you mean --" + k + "?)").orElse(""));
            }
            flags.put(key, arg.substring(eq + 1));
        }
        Map<String, String> values = new HashMap<>();
        Optional<Path> configDir = Optional.empty();
        List<PlatformConfig.IssuingBody> bodies = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<org.govkiosk.platform.notices.NoticeTemplates> notices =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<org.govkiosk.platform.province.ProvinceSettings> province =
                new java.util.concurrent.atomic.AtomicReference<>(org.govkiosk.platform.province.ProvinceSettings.none());
        String source = "flags";
        if (flags.containsKey("config")) {
            Path file = Path.of(flags.remove("config"));
            source = file.toString();
            configDir = Optional.of(file.toAbsolutePath().getParent());
            readYaml(file, values, bodies, notices, province);
        }
        values.putAll(flags);
        try {
            for (String sectionKey : List.of("issuing-bodies", "case-notices", "province")) {
                if (flags.containsKey(sectionKey)) {
                    throw new IllegalArgumentException("--" + sectionKey + ": only in the config file");
                }
            }
            return new Loaded(build(values, configDir, env).withCertificates(new PlatformConfig.Certificates(
                    Optional.ofNullable(values.get("public-base-url")).map(u -> u.replaceAll("/+$", "")),
                    Optional.of(Path.of(values.getOrDefault("certificate-key-dir", "./data/certificate-keys"))),
                    bodies)), ratings(values, env), Optional.ofNullable(notices.get()), province.get(),
                    drain(values));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static PlatformConfig build(Map<String, String> v, Optional<Path> configDir, Map<String, String> env) {
        PlatformConfig d = PlatformConfig.embedded();
        Optional<Path> keystore = Optional.ofNullable(v.get("tls-keystore")).map(Path::of);
        keystore.ifPresent(k -> {
            if (!Files.isReadable(k)) {
                throw new IllegalArgumentException("tls-keystore: cannot read " + k);
            }
        });
        boolean autoDecide = bool(v, "auto-decide-immediate", d.decisions().autoDecideImmediate());
        Optional<Path> resultFont = Optional.ofNullable(v.get("result-font")).map(Path::of);
        resultFont.ifPresent(f -> {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new IllegalArgumentException("result-font: cannot read " + f);
            }
            if (autoDecide) {
                // Parsed now (and kept for the server), so a CFF or non-Chinese font is a configuration error.
                CaseDecisions.resultFont(resultFont);
            }
        });
        return new PlatformConfig(
                // Plain HTTP is for this host only; with TLS here or in front the platform faces the network.
                v.getOrDefault("bind", keystore.isPresent() || bool(v, "behind-tls-proxy", false)
                        ? "0.0.0.0" : "127.0.0.1"),
                integer(v, "port", PlatformConfig.DEFAULT_PORT),
                v.getOrDefault("db-url", "jdbc:h2:file:./data/govkiosk-platform"),
                Optional.ofNullable(v.get("db-user")),
                secret(v, "db-password-file", env, "GOVKIOSK_DB_PASSWORD"),
                secret(v, "enrolment-token-file", env, "GOVKIOSK_ENROLMENT_TOKEN"),
                secret(v, "clerk-token-file", env, "GOVKIOSK_CLERK_TOKEN"),
                keystore,
                secret(v, "tls-password-file", env, "GOVKIOSK_TLS_PASSWORD"),
                integer(v, "max-body-bytes", (int) d.maxBodyBytes()),
                integer(v, "max-certificate-bytes", (int) d.maxCertificateBytes()),
                Duration.ofSeconds(integer(v, "max-clock-skew-seconds", (int) d.maxClockSkew().toSeconds())),
                zone(v.getOrDefault("zone", d.zone().getId())),
                v.getOrDefault("case-number-prefix", d.caseNumberPrefix()),
                deadlines(v, configDir),
                new PlatformConfig.Decisions(autoDecide, v.getOrDefault("result-issuer", d.decisions().resultIssuer()),
                        resultFont),
                exposure(v, d.exposure()),
                cryptoSuite(v.get("crypto-suite")),
                d.certificates());
    }

    /** The rating window and where invitations go: the outbox always, an HTTP gateway when sms-url is set. */
    private static org.govkiosk.platform.ratings.RatingSettings ratings(Map<String, String> v,
            Map<String, String> env) {
        var d = org.govkiosk.platform.ratings.RatingSettings.defaults();
        var sms = d.sms();
        Optional<java.net.URI> url = Optional.ofNullable(v.get("sms-url")).map(u -> {
            try {
                return java.net.URI.create(u.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sms-url: '" + u + "' is not a URL");
            }
        });
        Optional<String> key = secret(v, "sms-key-file", env, "GOVKIOSK_SMS_KEY");
        try {
            return new org.govkiosk.platform.ratings.RatingSettings(
                    integer(v, "rating-window-working-days", d.windowWorkingDays()),
                    Duration.ofSeconds(integer(v, "rating-job-interval-seconds", (int) d.jobInterval().toSeconds())),
                    v.getOrDefault("sms-signature", d.smsSignature()),
                    new org.govkiosk.platform.sms.SmsSettings(url, key,
                            Duration.ofSeconds(integer(v, "sms-connect-timeout-seconds",
                                    (int) sms.connectTimeout().toSeconds())),
                            Duration.ofSeconds(integer(v, "sms-request-timeout-seconds",
                                    (int) sms.requestTimeout().toSeconds())),
                            sms.maxAttempts(), Optional.ofNullable(v.get("sms-system-id")).map(String::strip),
                            Optional.ofNullable(v.get("sms-source-address")).map(String::strip)), true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The catalog and calendar named (a path in the config file is relative to it), else the ones beside the config
     * file where they exist; read here, so that a broken one stops the start with its file and path.
     */
    private static PlatformConfig.Deadlines deadlines(Map<String, String> v, Optional<Path> configDir) {
        Optional<Path> catalog = located(v, "catalog", configDir.map(dir -> dir.resolve("catalog.yaml")));
        Optional<Path> calendar = located(v, "calendar", configDir.map(dir -> dir.resolve("calendar")));
        PlatformConfig.Deadlines deadlines = new PlatformConfig.Deadlines(catalog, calendar,
                integer(v, "promised-working-days", PlatformConfig.Deadlines.DEFAULT_FALLBACK_DAYS));
        org.govkiosk.platform.cases.PromisedDates.of(deadlines);
        deadlines.catalog().ifPresent(org.govkiosk.platform.ratings.Ratings::checkCatalog);
        return deadlines;
    }

    private static Optional<Path> located(Map<String, String> v, String key, Optional<Path> beside) {
        String named = v.get(key);
        if (named != null) {
            Path path = Path.of(named);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(key + ": " + path.toAbsolutePath() + " does not exist");
            }
            return Optional.of(path);
        }
        return beside.filter(Files::exists);
    }

    private static org.govkiosk.api.CryptoSuite cryptoSuite(String value) {
        try {
            return value == null ? org.govkiosk.api.CryptoSuite.ED25519_AES : org.govkiosk.api.CryptoSuite.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crypto-suite: " + e.getMessage(), e);
        }
    }

    private static Exposure exposure(Map<String, String> v, Exposure d) {
        return new Exposure(bool(v, "behind-tls-proxy", d.behindTlsProxy()),
                integer(v, "min-request-data-rate", (int) d.minRequestDataRate()),
                Duration.ofSeconds(integer(v, "body-read-timeout-seconds", (int) d.bodyReadTimeout().toSeconds())),
                integer(v, "max-connections-per-address", d.maxConnectionsPerAddress()),
                integer(v, "max-failed-logins", d.maxFailedLogins()),
                Duration.ofSeconds(integer(v, "login-lockout-seconds", (int) d.loginLockout().toSeconds())),
                Duration.ofMinutes(integer(v, "staff-session-idle-minutes", (int) d.staffSessionIdle().toMinutes())),
                Duration.ofHours(integer(v, "staff-session-max-hours", (int) d.staffSessionMax().toHours())),
                integer(v, "intake-concurrency", d.intakeConcurrency()));
    }

    /**
     * Reads the config file into {@code values} (as text, like the flags; the paths of catalog and calendar
     * resolved against its folder); every problem of the file is reported at once, each as "FILE: KEY: PROBLEM".
     */
    private static void readYaml(Path file, Map<String, String> values,
            List<PlatformConfig.IssuingBody> bodies,
            java.util.concurrent.atomic.AtomicReference<org.govkiosk.platform.notices.NoticeTemplates> notices,
            java.util.concurrent.atomic.AtomicReference<org.govkiosk.platform.province.ProvinceSettings> province) {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        YamlFiles.readMapping(dir, name, "a YAML mapping of keys to values", problems).ifPresent(node -> {
            YamlSection root = YamlSection.root(name, node, problems);
            root.onlyKeys(KEYS);
            for (String key : root.keys()) {
                if (!KEYS.contains(key)) {
                    continue;
                }
                if (key.equals("issuing-bodies")) {
                    root.section(key, false).ifPresent(section -> issuingBodies(section, dir, bodies));
                } else if (key.equals("case-notices")) {
                    // The texts of the SMS notices; the signature is put in front when the server starts.
                    root.section(key, false).ifPresent(section -> notices.set(
                            org.govkiosk.platform.notices.NoticeTemplates.read(section, "政务服务")));
                } else if (key.equals("province")) {
                    root.section(key, false).ifPresent(section -> province.set(
                            org.govkiosk.platform.province.ProvinceSettings.read(section, dir, problems)));
                } else if (key.equals("catalog") || key.equals("calendar")) {
                    root.string(key, false).ifPresent(p -> values.put(key, dir.resolve(p).toString()));
                } else if (INTEGERS.containsKey(key)) {
                    root.integer(key, 0, INTEGERS.get(key)).ifPresent(n -> values.put(key, n.toString()));
                } else {
                    JsonNode value = root.raw(key);
                    // true/false, yes/no and on/off, as the flags: read below with them.
                    if (value != null && value.isBoolean()) {
                        values.put(key, value.asText());
                    } else {
                        root.string(key, false).ifPresent(v -> values.put(key, v));
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }

    /** {@code id: {name, signing-key, public-key, seal}} in the file's order; paths relative to the file. */
    private static void issuingBodies(YamlSection section, Path dir, List<PlatformConfig.IssuingBody> bodies) {
        for (String id : section.keys()) {
            section.section(id, true).ifPresent(body -> {
                body.onlyKeys(BODY_KEYS);
                Optional<String> name = body.string("name", true);
                Optional<Path> key = body.string("signing-key", false).map(dir::resolve);
                Optional<Path> pub = body.string("public-key", false).map(dir::resolve);
                Optional<Path> seal = body.string("seal", false).map(dir::resolve);
                for (Optional<Path> f : List.of(key, pub, seal)) {
                    f.filter(p -> !Files.isReadable(p)).ifPresent(p -> body.problem("signing-key", "cannot read "
                            + p));
                }
                if (name.isEmpty()) {
                    return;
                }
                try {
                    bodies.add(new PlatformConfig.IssuingBody(id, name.get(), key, pub, seal));
                } catch (IllegalArgumentException e) {
                    section.problem(id, e.getMessage());
                }
            });
        }
    }

    /**
     * How long a stopping instance fails its health check while it still serves (drain-seconds): behind a balancer
     * the balancer's check marks it down meanwhile and sends nothing more, so no request meets a closing instance.
     */
    private static Duration drain(Map<String, String> v) {
        int seconds = integer(v, "drain-seconds", bool(v, "behind-tls-proxy", false)
                ? DEFAULT_DRAIN_SECONDS_BEHIND_PROXY : 0);
        if (seconds < 0 || seconds > MAX_DRAIN_SECONDS) {
            throw new IllegalArgumentException("drain-seconds: expected 0.." + MAX_DRAIN_SECONDS + ", got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    private static int integer(Map<String, String> v, String key, int fallback) {
        String raw = v.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + raw + "' is not a number");
        }
    }

    private static boolean bool(Map<String, String> v, String key, boolean fallback) {
        String raw = v.get(key);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + raw + "' is not true or false");
        };
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("zone: '" + id + "' is not a time zone");
        }
    }

    private static Optional<String> secret(Map<String, String> v, String fileKey, Map<String, String> env,
            String envName) {
        String file = v.get(fileKey);
        if (file != null) {
            try {
                return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new IllegalArgumentException(fileKey + ": cannot read " + file);
            }
        }
        return Optional.ofNullable(env.get(envName)).filter(s -> !s.isBlank());
    }
}
