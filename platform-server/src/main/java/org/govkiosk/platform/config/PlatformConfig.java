package org.govkiosk.platform.config;

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
 * @param certificates        who signs and seals the result documents, and where their QR codes point
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
        org.govkiosk.api.CryptoSuite cryptoSuite,
        Certificates certificates) {

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
        Objects.requireNonNull(certificates, "certificates");
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
     *                            system's TrueType CJK font (see {@code cases.CaseDecisions#resultFont})
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
                org.govkiosk.api.CryptoSuite.ED25519_AES, Certificates.inMemory());
    }

    public PlatformConfig withPort(int newPort) {
        return new PlatformConfig(bindHost, newPort, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, exposure, cryptoSuite,
                certificates);
    }

    public PlatformConfig withDatabase(String url, String user, String password) {
        return new PlatformConfig(bindHost, port, url, Optional.ofNullable(user), Optional.ofNullable(password),
                enrolmentToken, clerkToken, tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes,
                maxClockSkew, zone, caseNumberPrefix, deadlines, decisions,
                exposure, cryptoSuite,
                certificates);
    }

    public PlatformConfig withTokens(String enrolment, String clerk) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, Optional.ofNullable(enrolment),
                Optional.ofNullable(clerk), tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes,
                maxClockSkew, zone, caseNumberPrefix, deadlines, decisions,
                exposure, cryptoSuite,
                certificates);
    }

    public PlatformConfig withTls(Path keystore, String password) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                Optional.of(keystore), Optional.of(password), maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, exposure, cryptoSuite,
                certificates);
    }

    public PlatformConfig withLimits(long bodyBytes, long certificateBytes) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, bodyBytes, certificateBytes, maxClockSkew, zone, caseNumberPrefix,
                deadlines, decisions, exposure, cryptoSuite,
                certificates);
    }

    public PlatformConfig withDecisions(Decisions newDecisions) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, newDecisions, exposure,
                cryptoSuite,
                certificates);
    }

    public PlatformConfig withExposure(Exposure newExposure) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, newExposure,
                cryptoSuite,
                certificates);
    }

    /** The same platform with promised dates from {@code newDeadlines}. */
    public PlatformConfig withDeadlines(Deadlines newDeadlines) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, newDeadlines, decisions, exposure, cryptoSuite,
                certificates);
    }

    /** The same platform with receipts signed under {@code suite} (and, for {@code sm}, SM2 terminals only). */
    public PlatformConfig withCryptoSuite(org.govkiosk.api.CryptoSuite suite) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, exposure, suite,
                certificates);
    }

    /** The same platform with these issuing bodies and public address. */
    public PlatformConfig withCertificates(Certificates newCertificates) {
        return new PlatformConfig(bindHost, port, dbUrl, dbUser, dbPassword, enrolmentToken, clerkToken,
                tlsKeystore, tlsKeystorePassword, maxBodyBytes, maxCertificateBytes, maxClockSkew, zone,
                caseNumberPrefix, deadlines, decisions, exposure, cryptoSuite, newCertificates);
    }

    /**
     * The result documents' signatures and seals.
     *
     * @param publicBaseUrl where phones reach this platform ({@code https://zwfw.example.gov.cn}): the QR code
     *                      of each document opens {@code publicBaseUrl + /verify?p=...}; empty: the address this
     *                      server listens on (right for a demo only)
     * @param keyDir        where a body without a configured key gets a generated one (made on first start, kept
     *                      there); empty: generated in memory for this run only (embedded demo, tests)
     * @param bodies        the issuing bodies; the first signs the documents the platform issues, every one's
     *                      key verifies; none: one body named after {@link Decisions#resultIssuer()}, id
     *                      {@value #DEFAULT_BODY_ID}, with a generated key and the demo seal
     */
    public record Certificates(Optional<String> publicBaseUrl, Optional<Path> keyDir,
                               java.util.List<IssuingBody> bodies) {
        public static final String DEFAULT_BODY_ID = "platform";

        public Certificates {
            Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
            Objects.requireNonNull(keyDir, "keyDir");
            bodies = java.util.List.copyOf(bodies);
            publicBaseUrl.ifPresent(u -> {
                if (!u.matches("https?://[^\\s?#]+")) {
                    throw new IllegalArgumentException("public-base-url must be an http(s) URL without query, was "
                            + u);
                }
            });
            if (bodies.stream().map(IssuingBody::id).distinct().count() != bodies.size()) {
                throw new IllegalArgumentException("issuing-bodies: an id is given twice");
            }
        }

        /** Generated keys in memory, the demo seal, the server's own address. */
        public static Certificates inMemory() {
            return new Certificates(Optional.empty(), Optional.empty(), java.util.List.of());
        }
    }

    /**
     * An issuing body (发证机关): its name on the documents, its signing key and its seal image.
     *
     * @param id         the key id in the QR codes it signs: 1 to 32 of a-z, 0-9 and '-'
     * @param signingKey PKCS#8 PEM private key (Ed25519, or SM2 under crypto-suite sm); empty: generated in
     *                   {@link Certificates#keyDir()}
     * @param publicKey  its X.509 PEM public key; needed with {@code signingKey}
     * @param seal       PNG of the electronic seal; empty: the demo seal
     */
    public record IssuingBody(String id, String name, Optional<Path> signingKey, Optional<Path> publicKey,
                              Optional<Path> seal) {
        public IssuingBody {
            if (id == null || !id.matches("[a-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("issuing body id '" + id + "' must be 1 to 32 of a-z, 0-9, '-'");
            }
            if (name == null || name.isBlank() || name.length() > 60) {
                throw new IllegalArgumentException("issuing body " + id + ": name must be 1 to 60 characters");
            }
            if (signingKey.isPresent() != publicKey.isPresent()) {
                throw new IllegalArgumentException("issuing body " + id
                        + ": signing-key and public-key go together");
            }
        }
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
