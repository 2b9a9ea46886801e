package org.govkiosk.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How a platform server runs. Secrets (database password, tokens, keystore password) come from files or the
 * environment through {@link PlatformConfigLoader}, never from the repository.
 *
 * @param bindHost            address to listen on
 * @param port                0 picks a free port
 * @param dbUrl               a JDBC URL: {@code jdbc:h2:...} (default) or {@code jdbc:postgresql://...}
 * @param enrolmentToken      needed to register a terminal; empty closes registration
 * @param clerkToken          bearer token of the clerk endpoints; empty disables them
 * @param tlsKeystore         a PKCS12 keystore: serve HTTPS instead of HTTP
 * @param maxClockSkew        how far a request's timestamp may be from the platform's clock
 * @param caseNumberPrefix    up to 16 of A-Z, 0-9
 * @param deadlines           where promised dates come from: the catalog's promised days, counted on the working
 *                            calendar
 * @param decisions           what the platform decides by itself (a reference platform decides 即办件 at once)
 * @param exposure            how it faces the network: TLS proxy in front or not, limits per client
 * @param cryptoSuite         the receipts' key: Ed25519 (default) or SM2 ({@code sm}, GB/T 39786); an {@code sm}
 *                            platform registers only terminals with SM2 keys
 */
public record PlatformConfig(
        String bindHost,
        int port,
        String dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<String> enrolmentToken,
        Optional<String> clerkToken,
        Optional<Path> tlsKeystore,
        Optional<String> tlsKeystorePassword,
        long maxBodyBytes,
        long maxCertificateBytes,
        Duration maxClockSkew,
        ZoneId zone,
        String caseNumberPrefix,
        Deadlines deadlines,
        Decisions decisions,
        Exposure exposure,
        org.govkiosk.api.CryptoSuite cryptoSuite) {

    public static final int DEFAULT_PORT = 8686;
    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    public static final long DEFAULT_MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;

    public PlatformConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(dbUrl, "dbUrl");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database url must start with jdbc:h2: or jdbc:postgresql:");
        }
        if (maxBodyBytes < 1024 || maxCertificateBytes < 1024) {
            throw new IllegalArgumentException("body limits must be at least 1024 bytes");
        }
        if (tlsKeystore.isPresent() && tlsKeystorePassword.isEmpty()) {
            throw new IllegalArgumentException("a TLS keystore needs its password");
        }
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(cryptoSuite, "cryptoSuite");
        if (tlsKeystore.isEmpty() && !exposure.behindTlsProxy() && !org.govkiosk.api.LoopbackHost.is(bindHost)) {
            throw new IllegalArgumentException("bind " + bindHost + ": will not serve plain HTTP on a network"
                    + " address (tokens, cookies and citizens' cases would cross it in clear); set tls-keystore to"
                    + " serve HTTPS, or behind-tls-proxy: true if a TLS proxy terminates HTTPS in front of this"
                    + " platform, or bind 127.0.0.1");
        }
        TokenStrength.require("the clerk token (clerk-token-file or GOVKIOSK_CLERK_TOKEN)", clerkToken.orElse(null));
        TokenStrength.require("the enrolment token (enrolment-token-file or GOVKIOSK_ENROLMENT_TOKEN)",
                enrolmentToken.orElse(null));
    }

    /**
     * @param autoDecideImmediate a complete 即办件 is accepted, reviewed and completed at intake, with its result
     *                            document, so the terminal prints it at once (自助出证); a hall gateway that
     *                            forwards to a department's system turns this off
     * @param resultIssuer        the issuing body printed on those results
     * @param resultFont          a TrueType CJK font (.ttf/.ttc) those results embed; empty: the first of the
     *                            usual Debian ones installed (see {@code cases.ResultFont})
     */
    public record Decisions(boolean autoDecideImmediate, String resultIssuer, Optional<Path> resultFont) {
        public static final String DEFAULT_ISSUER = "政务服务中心";

        public Decisions {
            if (resultIssuer == null || resultIssuer.isBlank() || resultIssuer.length() > 60) {
                throw new IllegalArgumentException("result issuer must be 1 to 60 characters");
            }
            Objects.requireNonNull(resultFont, "resultFont");
        }

        public Decisions(boolean autoDecideImmediate, String resultIssuer) {
            this(autoDecideImmediate, resultIssuer, Optional.empty());
        }
    }

    /**
     * Where the promised date (承诺时限) of a case comes from: the item's {@code time-limit.promised-days} in the
     * catalog the terminals show (one source of truth), counted in working days of the calendar files
     * ({@code calendar/YYYY.yaml}: public holidays and 调休). See {@code cases.PromisedDates}.
     *
     * @param catalog                      the terminals' catalog.yaml; empty: every item gets the fallback
     * @param calendar                     the folder of the calendar files; empty: weekends only, with a warning
     * @param fallbackPromisedWorkingDays  for a 承诺件 of an item the catalog does not list
     */
    public record Deadlines(Optional<Path> catalog, Optional<Path> calendar, int fallbackPromisedWorkingDays) {
        public static final int DEFAULT_FALLBACK_DAYS = 5;

        public Deadlines {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(calendar, "calendar");
            if (fallbackPromisedWorkingDays < 0 || fallbackPromisedWorkingDays > 365) {
                throw new IllegalArgumentException("promised working days must be 0..365");
            }
        }

        /** No catalog, no calendar files: 5 working days, weekends only (embedded: demo, tests). */
        public static Deadlines none() {
            return new Deadlines(Optional.empty(), Optional.empty(), DEFAULT_FALLBACK_DAYS);
        }

        /** The shipped layout: {@code dir/catalog.yaml} and {@code dir/calendar/}, each where it exists. */
        public static Deadlines beside(Path dir) {
            return new Deadlines(Optional.of(dir.resolve("catalog.yaml")).filter(java.nio.file.Files::isRegularFile),
                    Optional.of(dir.resolve("calendar")).filter(java.nio.file.Files::isDirectory),
                    DEFAULT_FALLBACK_DAYS);
        }
    }

    /** Embedded (demo, tests): loopback, a free port, a private in-memory database, no tokens. */
    public static PlatformConfig embedded() {
        return new PlatformConfig("127.0.0.1", 0,
                "jdbc:h2:mem:govkiosk-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CERTIFICATE_BYTES, Duration.ofMinutes(5),
                ZoneId.of("Asia/Shanghai"), "GK", Deadlines.none(),
                new Decisions(true, Decisions.DEFAULT_ISSUER), Exposure.defaults(),
                org.govkiosk.api.CryptoSuite.ED25519_AES);
    }

    public PlatformConfig withPort(int newPort) {
        return new PlatformConfig(bindHost, newPort, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, exposure, cryptoSuite);
    }

    public PlatformConfig withDatabase(String url, String user, String password) {
        return new PlatformConfig(bindHost, port, url, Optional.ofNullable(user), Optional.ofNullable(password),
                enrolmentToken, clerkToken, tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes,
                maxClockSkew, zone, caseNumberPrefix, deadlines, decisions,
                exposure, cryptoSuite);
    }

    public PlatformConfig withTokens(String enrolment, String clerk) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, Optional.ofNullable(enrolment),
                Optional.ofNullable(clerk), tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes,
                maxClockSkew, zone, caseNumberPrefix, deadlines, decisions,
                exposure, cryptoSuite);
    }

    public PlatformConfig withTls(Path keystore, String password) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                Optional.of(keystore), Optional.of(password), maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, exposure, cryptoSuite);
    }

    public PlatformConfig withLimits(long bodyBytes, long certificateBytes) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, bodyBytes, certificateBytes, maxClockSkew, zone, caseNumberPrefix,
                deadlines, decisions, exposure, cryptoSuite);
    }

    public PlatformConfig withDecisions(Decisions newDecisions) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, newDecisions, exposure,
                cryptoSuite);
    }

    public PlatformConfig withExposure(Exposure newExposure) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, newExposure,
                cryptoSuite);
    }

    /** The same platform with promised dates from {@code newDeadlines}. */
    public PlatformConfig withDeadlines(Deadlines newDeadlines) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, newDeadlines, decisions, exposure, cryptoSuite);
    }

    /** The same platform with receipts signed under {@code suite} (and, for {@code sm}, SM2 terminals only). */
    public PlatformConfig withCryptoSuite(org.govkiosk.api.CryptoSuite suite) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, exposure, suite);
    }

    @Override
    public String toString() {
        // Never print secrets.
        return "PlatformConfig[" + bindHost + ":" + port + " db=" + dbUrl.split("[;?]")[0]
                + " tls=" + tlsKeystore.isPresent() + " enrolment=" + enrolmentToken.isPresent()
                + " clerk=" + clerkToken.isPresent() + " autoDecide=" + decisions.autoDecideImmediate()
                + " crypto=" + cryptoSuite.configName() + "]";
    }
}
