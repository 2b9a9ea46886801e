package org.govkiosk.app.outbox;

import org.govkiosk.testkit.MutableClock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final String ID_NUMBER = "110101199003071234";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final SecretKey key = TestKeys.aes();
    private Path file;
    private Outbox outbox;

    @BeforeEach
    void open() {
        file = dir.resolve("outbox.db");
        outbox = Outbox.open(file, new PayloadCipher(key), clock);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    private static byte[] caseJson(String name) {
        return ("{\"applicant\":{\"name\":\"" + name + "\",\"idNumber\":\"" + ID_NUMBER + "\"}}").getBytes(UTF_8);
    }

    @Test
    void usesWalAndFullSync() throws SQLException {
        outbox.add(EntryKind.CASE, "k-1", 0, caseJson("张三"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        assertThat(Files.exists(dir.resolve("outbox.db-wal"))).isTrue();
    }

    @Test
    void allEntriesAreReadAtOneMomentEachOnceWithItsState() {
        long pending = outbox.add(EntryKind.CASE, "k-1", 0, caseJson("张三"));
        long sent = outbox.add(EntryKind.RATING, "k-2", 0, caseJson("李四"));
        long confirmed = outbox.add(EntryKind.ISSUANCE, "k-3", 0, caseJson("王五"));
        outbox.markSent(sent);
        outbox.markSent(confirmed);
        outbox.confirm(confirmed, "CASE-NUMBER-0003");

        assertThat(outbox.entries()).extracting(OutboxEntry::id, OutboxEntry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(pending, EntryState.PENDING),
                org.assertj.core.groups.Tuple.tuple(sent, EntryState.SENT),
                org.assertj.core.groups.Tuple.tuple(confirmed, EntryState.CONFIRMED));
    }

    @Test
    void peekReturnsTheDecryptedPayloadAndConfirmErasesIt() throws Exception {
        long id = outbox.add(EntryKind.CASE, "k-1", 0, caseJson("张三"));

        OutboxMessage message = outbox.peek().orElseThrow();
        assertThat(message.entry().id()).isEqualTo(id);
        assertThat(new String(message.payload(), UTF_8)).contains(ID_NUMBER).contains("张三");
        assertThat(message.toString()).doesNotContain(ID_NUMBER);

        outbox.markSent(id);
        clock.advance(Duration.ofSeconds(3));
        outbox.confirm(id, "CASE-NUMBER-0001");

        OutboxEntry confirmed = outbox.find("k-1").orElseThrow();
        assertThat(confirmed.state()).isEqualTo(EntryState.CONFIRMED);
        assertThat(confirmed.reference()).contains("CASE-NUMBER-0001");
        assertThat(confirmed.attempts()).isEqualTo(1);
        assertThat(confirmed.confirmedAt()).contains(Instant.parse("2025-03-01T08:00:03Z"));
        assertThat(outbox.peek()).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payload, last_error FROM outbox_entry WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).isNull();
            assertThat(rs.getString(2)).isNull();
        }
    }

    @Test
    void personalDataNeverReachesTheDiskInPlainText() throws IOException {
        outbox.add(EntryKind.CASE, "k-1", 0, caseJson("张三"));
        outbox.add(EntryKind.CASE, "k-2", 0, caseJson("李四"));
        byte[] needle = ID_NUMBER.getBytes(UTF_8);
        byte[] name = "李四".getBytes(UTF_8);
        for (Path f : Files.list(dir).toList()) {
            byte[] content = Files.readAllBytes(f);
            assertThat(indexOf(content, needle)).as(f.toString()).isNegative();
            assertThat(indexOf(content, name)).as(f.toString()).isNegative();
        }
        // The check itself can find a plaintext: the idempotency key is stored in clear.
        byte[] wal = Files.readAllBytes(dir.resolve("outbox.db-wal"));
        assertThat(indexOf(wal, "k-2".getBytes(UTF_8))).isNotNegative();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void highestPriorityFirstThenOldest() {
        outbox.add(EntryKind.RATING, "rating-1", Outbox.PRIORITY_LOW, "{}".getBytes(UTF_8));
        outbox.add(EntryKind.CASE, "case-1", Outbox.PRIORITY_NORMAL, caseJson("a"));
        outbox.add(EntryKind.CASE, "case-2", Outbox.PRIORITY_NORMAL, caseJson("b"));
        outbox.add(EntryKind.CASE, "urgent", 5, caseJson("c"));

        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            OutboxMessage m = outbox.peek().orElseThrow();
            order.append(m.entry().idempotencyKey()).append(' ');
            outbox.confirm(m.entry().id(), "ref");
        }
        assertThat(order.toString().trim()).isEqualTo("urgent case-1 case-2 rating-1");
    }

    @Test
    void sameIdempotencyKeyIsQueuedOnce() {
        long first = outbox.add(EntryKind.CASE, "same", 0, caseJson("a"));
        long second = outbox.add(EntryKind.CASE, "same", 0, caseJson("changed"));
        assertThat(second).isEqualTo(first);
        assertThat(new String(outbox.peek().orElseThrow().payload(), UTF_8)).contains("\"a\"");
        assertThat(outbox.status().pending()).isEqualTo(1);
    }

    @Test
    void rescheduledEntryWaitsForItsTime() {
        long id = outbox.add(EntryKind.CASE, "k", 0, caseJson("a"));
        outbox.markSent(id);
        outbox.reschedule(id, clock.instant().plusSeconds(10), "connection refused");

        assertThat(outbox.peek()).isEmpty();
        assertThat(outbox.nextDueAt()).contains(clock.instant().plusSeconds(10));
        assertThat(outbox.find("k").orElseThrow().lastError()).contains("connection refused");
        clock.advance(Duration.ofSeconds(10));
        OutboxMessage again = outbox.peek().orElseThrow();
        assertThat(again.entry().state()).isEqualTo(EntryState.SENT);
        assertThat(again.entry().attempts()).isEqualTo(1);
    }

    @Test
    void droppedEntriesAreDeadLettersUntilRetried() {
        long id = outbox.add(EntryKind.CASE, "k", 0, caseJson("a"));
        outbox.markSent(id);
        outbox.drop(id, "422 item code unknown");

        assertThat(outbox.peek()).isEmpty();
        assertThat(outbox.deadLetters()).singleElement().satisfies(e -> {
            assertThat(e.idempotencyKey()).isEqualTo("k");
            assertThat(e.lastError()).contains("422 item code unknown");
        });
        assertThat(outbox.status().dead()).isEqualTo(1);

        assertThat(outbox.retry(id)).isTrue();
        assertThat(outbox.retry(id)).isFalse();
        OutboxMessage back = outbox.peek().orElseThrow();
        assertThat(back.entry().attempts()).isZero();
        assertThat(new String(back.payload(), UTF_8)).contains(ID_NUMBER);
    }

    @Test
    void purgeDeletesOnlyConfirmedEntriesPastRetention() {
        long old = outbox.add(EntryKind.CASE, "old", 0, caseJson("a"));
        outbox.confirm(old, "r1");
        clock.advance(Duration.ofDays(8));
        long recent = outbox.add(EntryKind.CASE, "recent", 0, caseJson("b"));
        outbox.confirm(recent, "r2");
        outbox.add(EntryKind.CASE, "waiting", 0, caseJson("c"));
        long dead = outbox.add(EntryKind.CASE, "dead", 0, caseJson("d"));
        outbox.drop(dead, "bad");

        assertThat(outbox.purgeConfirmed(Duration.ofDays(7))).isEqualTo(1);
        assertThat(outbox.find("old")).isEmpty();
        assertThat(outbox.find("recent")).isPresent();
        assertThat(outbox.find("waiting")).isPresent();
        assertThat(outbox.find("dead")).isPresent();
    }

    @Test
    void entriesSurviveReopening() {
        long id = outbox.add(EntryKind.CASE, "k", 0, caseJson("a"));
        outbox.markSent(id);
        outbox.close();
        outbox = Outbox.open(file, new PayloadCipher(key), clock);
        OutboxMessage m = outbox.peek().orElseThrow();
        assertThat(m.entry().state()).isEqualTo(EntryState.SENT);
        assertThat(new String(m.payload(), UTF_8)).contains(ID_NUMBER);
        assertThat(outbox.recovery()).isEmpty();
    }

    @Test
    void anUndecryptableEntryBecomesADeadLetterNotASilentSkip() {
        outbox.add(EntryKind.CASE, "k", 0, caseJson("a"));
        outbox.close();
        outbox = Outbox.open(file, new PayloadCipher(TestKeys.aes()), clock);

        assertThat(outbox.peek()).isEmpty();
        assertThat(outbox.deadLetters()).singleElement()
                .satisfies(e -> assertThat(e.lastError().orElseThrow()).contains("cannot be decrypted"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> outbox.add(EntryKind.CASE, " ", 0, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotency key");
    }

    @Test
    void anUnwritableLocationIsATypedError() throws IOException {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "x");
        assertThatThrownBy(() -> Outbox.open(notADir.resolve("outbox.db"), new PayloadCipher(key), clock))
                .isInstanceOf(OutboxException.class)
                .satisfies(e -> assertThat(((OutboxException) e).corrupt()).isFalse());
    }
}
