package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKey;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal in a hall has an outbox file of the version before receipts were kept, with entries queued in it: the
 * file opens in place (the receipt column is added), its queued case goes to the real platform over HTTP and is
 * confirmed with its receipt kept, and an entry confirmed by the old version stays as it was (no receipt).
 */
class OutboxMigrationTest {

    private static final String TERMINAL = "T-MIGRATE";

    /** The schema as version 1 made it, verbatim: no receipt column. */
    private static final String OLD_SCHEMA = """
            CREATE TABLE IF NOT EXISTS outbox_entry (
              id              INTEGER PRIMARY KEY AUTOINCREMENT,
              kind            TEXT    NOT NULL,
              idempotency_key TEXT    NOT NULL UNIQUE,
              priority        INTEGER NOT NULL,
              state           TEXT    NOT NULL,
              attempts        INTEGER NOT NULL DEFAULT 0,
              created_at      INTEGER NOT NULL,
              next_attempt_at INTEGER NOT NULL,
              last_attempt_at INTEGER,
              confirmed_at    INTEGER,
              reference       TEXT,
              last_error      TEXT,
              payload         BLOB
            )""";

    @TempDir
    Path dir;

    @Test
    void anOldOutboxOpensInPlaceAndItsQueuedCaseIsSentAndKeepsItsReceipt() throws Exception {
        SecretKey dataKey = TestKeys.aes();
        Path file = dir.resolve("outbox.db");
        CaseSubmission queued = TestCases.draft(Clock.systemUTC()).queued().toSubmission(TERMINAL,
                Clock.systemUTC().instant());
        // As the old PlatformQueue wrote it (the API's JSON), sealed for its row.
        byte[] payload = ApiJson.lenient().writeValueAsBytes(queued);
        writeOldFile(file, new PayloadCipher(dataKey), queued.idempotencyKey(), payload);
        assertThat(columns(file)).doesNotContain("receipt");

        try (RealPlatform platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")))) {
            KeyPair keys = TerminalKeys.generate();
            HttpPlatformClient client = new HttpPlatformClient(PlatformClientConfig.of(platform.baseUri(), Set.of()),
                    new RequestSigner(TERMINAL, keys.getPrivate(), Clock.systemUTC()));
            platform.register(client, TERMINAL, keys.getPublic());
            try (Outbox outbox = Outbox.open(file, new PayloadCipher(dataKey), Clock.systemUTC())) {
                assertThat(outbox.recovery()).as("an old file is not a damaged one").isEmpty();
                assertThat(columns(file)).contains("receipt");
                assertThat(outbox.find("old-confirmed").orElseThrow().reference()).contains("330100-OLD-1");
                assertThat(outbox.receipt("old-confirmed")).as("confirmed before receipts were kept").isEmpty();
                assertThat(outbox.find(queued.idempotencyKey()).orElseThrow().state()).isEqualTo(EntryState.PENDING);

                OutboxWorker worker = new OutboxWorker(outbox, new PlatformOutboxSender(client), new Backoff(
                        Duration.ofMillis(50), Duration.ofMillis(200), 0.2, RandomGenerator.getDefault()),
                        Clock.systemUTC(), Duration.ofMillis(100), new OutboxWorker.Listener() { }).start();
                try {
                    Await.until("the old file's case confirmed", Duration.ofSeconds(20),
                            () -> outbox.status().waiting() == 0, outbox::status);
                } finally {
                    worker.close();
                }
                OutboxEntry sent = outbox.find(queued.idempotencyKey()).orElseThrow();
                assertThat(sent.state()).isEqualTo(EntryState.CONFIRMED);
                CaseReceipt receipt = EntryConverters.CASE.readReceipt(outbox.receipt(queued.idempotencyKey())
                        .orElseThrow());
                assertThat(receipt.caseNumber()).isEqualTo(sent.reference().orElseThrow());
                assertThat(receipt.localCaseId()).isEqualTo(queued.localCaseId());
                assertThat(outbox.status().dead()).isZero();
            }
            assertThat(storedPayloads(file)).as("the personal payload is erased on confirmation").isEmpty();
            platform.stop();
            assertThat(platform.storedKeys("cases")).containsEntry(queued.idempotencyKey(), 1).hasSize(1);
        }
    }

    private static void writeOldFile(Path file, PayloadCipher cipher, String key, byte[] payload) throws Exception {
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.executeQuery("PRAGMA journal_mode=WAL").close();
            s.execute(OLD_SCHEMA);
            s.execute("CREATE INDEX IF NOT EXISTS outbox_due ON outbox_entry(state, priority DESC, next_attempt_at,"
                    + " id)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_entry (kind, idempotency_key,"
                    + " priority, state, attempts, created_at, next_attempt_at, confirmed_at, reference, payload)"
                    + " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, EntryKind.CASE.name());
                ps.setString(2, "old-confirmed");
                ps.setString(3, "CONFIRMED");
                ps.setInt(4, 1);
                ps.setLong(5, now - 60_000);
                ps.setLong(6, now - 60_000);
                ps.setLong(7, now - 50_000);
                ps.setString(8, "330100-OLD-1");
                ps.setBytes(9, null);
                ps.executeUpdate();
                ps.setString(1, EntryKind.CASE.name());
                ps.setString(2, key);
                ps.setString(3, "PENDING");
                ps.setInt(4, 0);
                ps.setLong(5, now);
                ps.setLong(6, now);
                ps.setObject(7, null);
                ps.setString(8, null);
                ps.setBytes(9, cipher.encrypt(payload, EntryKind.CASE, key));
                ps.executeUpdate();
            }
        }
    }

    private static List<String> columns(Path file) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(outbox_entry)")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    private static List<String> storedPayloads(Path file) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                     "SELECT idempotency_key FROM outbox_entry WHERE payload IS NOT NULL")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }
}
