package org.govkiosk.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;

/**
 * The reference platform-server, embedded in the test JVM on loopback, over an H2 file in {@code dir}: what a
 * terminal meets in a hall. {@link #stop()} closes the port and the database; {@link #restart()} serves the same
 * data on the same port again, as a gateway coming back after an outage. {@link #storedKeys} reads the server's
 * own tables, so exactly-once is checked where the platform keeps the cases, not in a test double.
 */
public final class RealPlatform implements AutoCloseable {

    public static final String HALL = "HALL-TEST";

    private final Path file;
    private final PlatformConfig config;
    private final String enrolmentToken = "enrol-" + UUID.randomUUID();
    private final String clerkToken = "clerk-" + UUID.randomUUID();
    private final HttpClient http;
    private Clock clock = Clock.systemUTC();
    private PlatformServer server;
    private int port;

    /** 即办件 wait for a clerk here, as most tests move cases through the clerk endpoints themselves. */
    private RealPlatform(Path dir, Path tlsKeystore, String tlsPassword) {
        this(dir, tlsKeystore, tlsPassword, false);
    }

    private RealPlatform(Path dir, Path tlsKeystore, String tlsPassword, boolean autoDecide) {
        this(dir, tlsKeystore, tlsPassword, autoDecide, org.govkiosk.api.CryptoSuite.ED25519_AES);
    }

    private RealPlatform(Path dir, Path tlsKeystore, String tlsPassword, boolean autoDecide,
            org.govkiosk.api.CryptoSuite suite) {
        this.file = dir.resolve("platform").toAbsolutePath();
        PlatformConfig c = PlatformConfig.embedded().withDatabase(jdbcUrl(), null, null)
                .withTokens(enrolmentToken, clerkToken)
                .withDecisions(new PlatformConfig.Decisions(autoDecide, "示例市政务服务中心"))
                .withCryptoSuite(suite);
        this.config = tlsKeystore == null ? c : c.withTls(tlsKeystore, tlsPassword);
        // The clerk's own calls trust the platform's certificate: it is the same party.
        this.http = tlsKeystore == null ? HttpClient.newHttpClient()
                : HttpClient.newBuilder().sslContext(trusting(tlsKeystore, tlsPassword)).build();
    }

    private static SSLContext trusting(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test keystore " + keystore, e);
        }
    }

    /** Plain HTTP, data in {@code dir}. */
    public static RealPlatform http(Path dir) {
        RealPlatform p = new RealPlatform(dir, null, null);
        p.start(0);
        return p;
    }

    /** Plain HTTP, data in {@code dir}, on the time the test gives it (a code's lifetime, for one). */
    public static RealPlatform http(Path dir, Clock clock) {
        RealPlatform p = new RealPlatform(dir, null, null);
        p.clock = clock;
        p.start(0);
        return p;
    }

    /** Plain HTTP; {@code autoDecide} false leaves 即办件 to a clerk, as a department's own system would. */
    public static RealPlatform http(Path dir, boolean autoDecide) {
        RealPlatform p = new RealPlatform(dir, null, null, autoDecide);
        p.start(0);
        return p;
    }

    /** Plain HTTP, data in {@code dir}, on {@code suite} (sm: SM2 receipts, SM2 terminals only). */
    public static RealPlatform http(Path dir, org.govkiosk.api.CryptoSuite suite) {
        RealPlatform p = new RealPlatform(dir, null, null, false, suite);
        p.start(0);
        return p;
    }

    /** HTTPS with the certificate of a PKCS12 keystore, data in {@code dir}. */
    public static RealPlatform https(Path dir, Path keystore, String password) {
        RealPlatform p = new RealPlatform(dir, keystore, password);
        p.start(0);
        return p;
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + file;
    }

    private synchronized void start(int onPort) {
        server = PlatformServer.start(config.withPort(onPort), clock);
        port = server.port();
    }

    public String baseUrl() {
        return server != null ? server.baseUrl() : baseUri().toString();
    }

    public URI baseUri() {
        return URI.create((config.tlsKeystore().isPresent() ? "https" : "http") + "://127.0.0.1:" + port);
    }

    /** The key the platform signs its receipts with (the same across restarts: it is in the database). */
    public PublicKey receiptKey() {
        return server.receiptKey();
    }

    public String enrolmentToken() {
        return enrolmentToken;
    }

    /** The registration a technician would make for this terminal, with this platform's enrolment token. */
    public TerminalRegistration registration(String terminalId, PublicKey key) {
        return new TerminalRegistration(terminalId, HALL, TerminalKeys.encodePublic(key), enrolmentToken,
                "TEST-KIOSK", "test");
    }

    /** Registers through the terminal's own client, as a terminal does at its first start. */
    public RegistrationReceipt register(PlatformClient client, String terminalId, PublicKey key)
            throws PlatformException {
        return client.register(registration(terminalId, key));
    }

    /** Closes the port and the database: clients get "connection refused" until {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Serves again on the same port with the same database file. */
    public synchronized void restart() {
        if (server == null) {
            start(port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A clerk call (bearer token) on the running server, e.g. to attach a certificate or issue a licence code. */
    public HttpResponse<String> clerk(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + clerkToken)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * How many rows the platform's table ({@code cases} or {@code ratings}) holds per idempotency key, read with
     * JDBC from the H2 file. Call it with the server stopped (or at least idle) to see what it has committed.
     */
    public Map<String, Integer> storedKeys(String table) throws SQLException {
        if (!table.equals("cases") && !table.equals("ratings")) {
            throw new IllegalArgumentException("cases or ratings, not " + table);
        }
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT idempotency_key, COUNT(*) FROM " + table
                     + " GROUP BY idempotency_key")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    /** The platform's case numbers per local case (the terminal's journey), read with JDBC from the H2 file. */
    public Map<String, java.util.List<String>> casesByLocalCase() throws SQLException {
        Map<String, java.util.List<String>> cases = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT local_case_id, case_number FROM cases")) {
            while (rs.next()) {
                cases.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
            }
        }
        return cases;
    }

    /** Every key the platform was sent a case under, with the case it answered and how often it was sent. */
    public Map<String, Map.Entry<String, Long>> caseDeliveries() throws SQLException {
        Map<String, Map.Entry<String, Long>> deliveries = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT idempotency_key, case_number, deliveries FROM case_deliveries")) {
            while (rs.next()) {
                deliveries.put(rs.getString(1), Map.entry(rs.getString(2), rs.getLong(3)));
            }
        }
        return deliveries;
    }

    /** Material code, page number and SHA-256 of every scanned page the platform stored, read with JDBC. */
    public java.util.List<String> storedPages() throws SQLException {
        java.util.List<String> pages = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT material_code, page, sha256 FROM case_attachments"
                     + " ORDER BY case_number, material_code, page")) {
            while (rs.next()) {
                pages.add(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3));
            }
        }
        return pages;
    }
}
