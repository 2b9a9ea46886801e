package org.govkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.api.SignatureHeaders;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.audit.AuditLog;
import org.govkiosk.app.audit.AuditMac;
import org.govkiosk.app.audit.AuditVerifier;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.context.TerminalPlatform;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.security.TerminalKeyStore;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal and the reference platform over real HTTP, each configured with a crypto suite: on {@code sm} the
 * terminal registers an SM2 key, its case is verified with SM2 and confirmed only on an SM2 receipt that verifies
 * against the key it pinned, its outbox holds SM4-GCM, its audit chain is HMAC-SM3; on the default nothing of that
 * changes from before (Ed25519, AES-GCM without a marker, audit entries without a mac field).
 */
class SmSuiteEndToEndTest {

    @TempDir
    Path dir;

    private TerminalConfig config(String suite) throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("config-" + suite));
        String yaml = Files.readString(Path.of("../config/terminal.yaml"))
                .replace("# hall-code: 330100-ZWFW", "hall-code: " + RealPlatform.HALL);
        Files.writeString(cfg.resolve("terminal.yaml"), yaml + "\nstorage:\n  crypto-suite: " + suite + "\n");
        Files.writeString(cfg.resolve("devices.yaml"), "devices: []\n");
        return ConfigLoader.load(cfg);
    }

    /** What the terminal ended with, for the suite-specific checks. */
    private record Run(TerminalKeyStore keys, PublicKey pinned, PublicKey platformReceiptKey, byte[] storedPayload,
            Path auditFile, AuditLog.Head head, long rejectedReceipts, int otherAlgorithmStatus, String otherAlgorithmAnswer) {
    }

    /** Registers, queues one case while the platform's address is not known yet, then lets it go and confirm. */
    private Run run(CryptoSuite suite) throws Exception {
        TerminalConfig config = config(suite.configName());
        assertThat(config.storage().cryptoSuite()).isEqualTo(suite);
        Path data = dir.resolve("data-" + suite.configName());
        Path auditFile = data.resolve("audit/audit.log");
        try (RealPlatform platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform-"
                + suite.configName())), suite)) {
            TerminalKeyStore keys = TerminalPlatform.openKeys(config, data);
            CompletableFuture<URI> address = new CompletableFuture<>();
            try (AuditLog audit = AuditLog.open(auditFile, keys.auditKey(), AuditMac.of(keys.suite()), Clock.systemUTC());
                    TerminalPlatform link = TerminalPlatform.start(config, data, keys, Clock.systemUTC(), audit,
                            address, CompletableFuture.completedFuture(Optional.of(platform.enrolmentToken())),
                            CompletableFuture.completedFuture(Optional.empty()))) {
                Case queued = link.queue().submit(TestCases.draft(Clock.systemUTC()));
                byte[] stored = storedPayload(data.resolve("outbox/outbox.db"), queued.idempotencyKey());
                address.complete(platform.baseUri());
                Await.until("the case confirmed", Duration.ofSeconds(60), () -> link.outbox()
                        .find(queued.idempotencyKey()).map(OutboxEntry::state).orElse(null) == EntryState.CONFIRMED,
                        link::outboxStatus);
                // The same terminal id, signing with an Ed25519 key it never registered, over the same HTTP.
                HttpResponse<String> otherAlgorithm = signedGet(platform.baseUri(), new RequestSigner(
                        config.terminal().id(), TerminalKeys.generate().getPrivate(), Clock.systemUTC()));
                return new Run(keys, link.platformKey().orElseThrow(), platform.receiptKey(), stored, auditFile,
                        audit.head().orElseThrow(), link.receiptAlarm().rejectedCount(), otherAlgorithm.statusCode(),
                        otherAlgorithm.body());
            }
        }
    }

    @Test
    void anSmTerminalOnAnSmPlatformRegistersSendsAndConfirmsOnAnSm2Receipt() throws Exception {
        Run run = run(CryptoSuite.SM);

        assertThat(SignatureAlgorithm.of(run.keys().signingKeys().getPublic())).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(run.pinned()).as("the platform's SM2 receipt key, pinned at registration")
                .isEqualTo(run.platformReceiptKey());
        assertThat(SignatureAlgorithm.of(run.pinned())).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertOnlyRejectedBeforeThePin(run);
        assertThat(run.otherAlgorithmStatus()).isEqualTo(401);
        assertThat(run.otherAlgorithmAnswer()).contains("signed with Ed25519").contains("registered with an SM2-SM3 key");

        assertThat(new String(run.storedPayload(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("SM4G");
        assertThat(new String(run.storedPayload(), StandardCharsets.ISO_8859_1)).doesNotContain(TestCases.applicant().idNumber());

        List<String> lines = Files.readAllLines(run.auditFile());
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"mac\":\"hmac-sm3\""));
        assertThat(AuditVerifier.verify(run.auditFile(), run.keys().auditKey(), AuditMac.HMAC_SM3, run.head())
                .intact()).isTrue();
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(0, tampered.get(0).replaceFirst("\"at\":\"[^\"]+\"", "\"at\":\"2020-01-01T00:00:00Z\""));
        assertThat(tampered.get(0)).isNotEqualTo(lines.get(0));
        Files.write(run.auditFile(), tampered);
        AuditVerifier.Result broken = AuditVerifier.verify(run.auditFile(), run.keys().auditKey(),
                AuditMac.HMAC_SM3, run.head());
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBadLine()).isEqualTo(1);
    }

    @Test
    void theDefaultSuiteStaysEd25519AndAesOnTheWireAndOnDisk() throws Exception {
        Run run = run(CryptoSuite.ED25519_AES);

        assertThat(SignatureAlgorithm.of(run.keys().signingKeys().getPublic())).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(SignatureAlgorithm.of(run.pinned())).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(run.pinned()).isEqualTo(run.platformReceiptKey());
        assertOnlyRejectedBeforeThePin(run);
        assertThat(run.keys().dataKey().getAlgorithm()).isEqualTo("AES");
        assertThat(new String(run.storedPayload(), 0, 4, StandardCharsets.US_ASCII)).isNotEqualTo("SM4G");
        assertThat(Files.readString(run.auditFile())).doesNotContain("\"mac\"");
        assertThat(AuditVerifier.verify(run.auditFile(), run.keys().auditKey(), run.head()).intact()).isTrue();
    }

    /**
     * The case was confirmed, so an SM2 (or Ed25519) receipt verified. A receipt refused before that can only be one
     * that came back before the registration's answer pinned the key (the outbox does not wait for registration;
     * it resends), never one whose signature or algorithm failed.
     */
    private static void assertOnlyRejectedBeforeThePin(Run run) throws Exception {
        List<String> rejected = Files.readAllLines(run.auditFile()).stream()
                .filter(l -> l.contains("\"platform-receipt-rejected\"")).toList();
        assertThat(rejected).hasSize((int) run.rejectedReceipts())
                .allSatisfy(l -> assertThat(l).contains("NO_PINNED_KEY"));
    }

    private static HttpResponse<String> signedGet(URI base, RequestSigner signer) throws Exception {
        URI uri = base.resolve(ApiPaths.CASES + "/GK-NONE");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        signer.sign("GET", uri, new byte[0]).asMap().forEach(b::header);
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue(SignatureHeaders.ALGORITHM)).isEmpty();
        return r;
    }

    private static byte[] storedPayload(Path db, String idempotencyKey) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT idempotency_key, payload FROM outbox_entry")) {
            while (rs.next()) {
                if (rs.getString(1).equals(idempotencyKey)) {
                    return rs.getBytes(2);
                }
            }
        }
        throw new AssertionError("no outbox entry " + idempotencyKey);
    }
}
