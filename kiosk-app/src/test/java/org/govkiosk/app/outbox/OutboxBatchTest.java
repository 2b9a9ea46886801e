package org.govkiosk.app.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch operations the worker's rounds use: several entries per peek and per transaction. */
class OutboxBatchTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private Path file;
    private Outbox outbox;

    @BeforeEach
    void open() {
        file = dir.resolve("outbox.db");
        outbox = Outbox.open(file, new PayloadCipher(TestKeys.aes()), clock);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    private long add(EntryKind kind, String key, int priority) {
        return outbox.add(kind, key, priority, ("{\"k\":\"" + key + "\"}").getBytes(UTF_8));
    }

    private static List<String> keys(List<OutboxMessage> messages) {
        return messages.stream().map(m -> m.entry().idempotencyKey()).toList();
    }

    @Test
    void peeksUpToTheLimitInPriorityThenAgeOrderAndOnlyDueEntries() {
        add(EntryKind.RATING, "r1", Outbox.PRIORITY_LOW);
        add(EntryKind.CASE, "c1", Outbox.PRIORITY_NORMAL);
        long later = add(EntryKind.CASE, "c2", Outbox.PRIORITY_NORMAL);
        add(EntryKind.CASE, "c3", Outbox.PRIORITY_NORMAL);
        outbox.reschedule(later, clock.instant().plusSeconds(60), "CONNECT_FAILED");

        assertThat(keys(outbox.peek(2))).containsExactly("c1", "c3");
        assertThat(keys(outbox.peek(10))).containsExactly("c1", "c3", "r1");
        assertThat(new String(outbox.peek(1).get(0).payload(), UTF_8)).isEqualTo("{\"k\":\"c1\"}");
        clock.advance(Duration.ofSeconds(61));
        assertThat(keys(outbox.peek(10))).containsExactly("c1", "c2", "c3", "r1");
        assertThatThrownBy(() -> outbox.peek(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void marksSentAndConfirmsSeveralEntriesAtOnce() {
        long a = add(EntryKind.CASE, "a", 0);
        long b = add(EntryKind.CASE, "b", 0);
        long c = add(EntryKind.CASE, "c", 0);
        outbox.markSent(List.of(a, b));
        assertThat(outbox.find("a").orElseThrow().state()).isEqualTo(EntryState.SENT);
        assertThat(outbox.find("b").orElseThrow().attempts()).isEqualTo(1);
        assertThat(outbox.find("c").orElseThrow().state()).isEqualTo(EntryState.PENDING);

        Map<Long, String> references = new LinkedHashMap<>();
        references.put(a, "N-a");
        references.put(b, "N-b");
        outbox.confirm(references);
        assertThat(outbox.find("a").orElseThrow().reference()).contains("N-a");
        assertThat(outbox.find("b").orElseThrow().state()).isEqualTo(EntryState.CONFIRMED);
        assertThat(keys(outbox.peek(10))).containsExactly("c");
        assertThat(outbox.status().confirmed()).isEqualTo(2);

        // Confirming again changes nothing (the first confirmation's reference stays).
        outbox.confirm(Map.of(a, "other"));
        assertThat(outbox.find("a").orElseThrow().reference()).contains("N-a");
        outbox.confirm(Map.of());
        outbox.markSent(List.of());
        assertThat(outbox.find("c").orElseThrow().attempts()).isZero();
    }

    @Test
    void aBatchPeekMovesAnUndecryptablePayloadToTheDeadLettersAndReturnsTheRest() throws Exception {
        add(EntryKind.CASE, "broken", 0);
        add(EntryKind.CASE, "fine", 0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE outbox_entry SET payload = ? WHERE idempotency_key = 'broken'")) {
            ps.setBytes(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21});
            ps.executeUpdate();
        }
        assertThat(keys(outbox.peek(10))).containsExactly("fine");
        assertThat(outbox.deadLetters()).singleElement()
                .satisfies(e -> assertThat(e.idempotencyKey()).isEqualTo("broken"));

        // Only the broken one was due: the peek moves it and says there is nothing to send, not an error.
        add(EntryKind.CASE, "broken-2", 0);
        outbox.confirm(Map.of(outbox.find("fine").orElseThrow().id(), "N"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE outbox_entry SET payload = x'00' WHERE idempotency_key = 'broken-2'")) {
            ps.executeUpdate();
        }
        assertThat(outbox.peek(5)).isEmpty();
        assertThat(outbox.status().dead()).isEqualTo(2);
    }
}
