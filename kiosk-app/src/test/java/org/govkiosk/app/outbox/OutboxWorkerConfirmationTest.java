package org.govkiosk.app.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.govkiosk.shared.retry.Backoff;
import org.junit.jupiter.api.Test;

/**
 * The worker keeps the platform's receipt with the confirmation, and tells its listener of a confirmation only
 * once it is on disk: a journey woken by it reads the entry back confirmed, with its receipt, and the personal
 * payload gone.
 */
class OutboxWorkerConfirmationTest extends WorkerTestBase {

    private record Seen(EntryState state, String receipt, boolean payloadGone) {
    }

    @Test
    void aConfirmationIsToldOnlyOnceItAndItsReceiptAreOnDisk() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        List<String> order = new CopyOnWriteArrayList<>();
        OutboxWorker.Listener listener = new OutboxWorker.Listener() {
            @Override
            public void attempted(OutboxEntry entry, Delivery outcome, Instant at) {
                order.add("attempted " + entry.idempotencyKey());
            }

            @Override
            public void confirmed(OutboxEntry entry, Delivery.Delivered delivered, Instant at) {
                order.add("confirmed " + entry.idempotencyKey());
                OutboxEntry now = outbox.find(entry.idempotencyKey()).orElseThrow();
                seen.add(new Seen(now.state(), outbox.receipt(entry.idempotencyKey()).map(b -> new String(b, UTF_8))
                        .orElse(null), payloadGone(entry.idempotencyKey())));
            }
        };
        closeAfter(new OutboxWorker(outbox, m -> new Delivery.Delivered("N-" + m.entry().idempotencyKey(),
                ("{\"caseNumber\":\"N-" + m.entry().idempotencyKey() + "\"}").getBytes(UTF_8)),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), 0.2, RandomGenerator.getDefault()),
                Clock.systemUTC(), Duration.ofMillis(100), listener).start()).wake();
        outbox.add(EntryKind.CASE, "k-1", Outbox.PRIORITY_NORMAL, "{\"name\":\"张三丰\"}".getBytes(UTF_8));

        await("told of the confirmation", () -> !seen.isEmpty());

        assertThat(seen).containsExactly(new Seen(EntryState.CONFIRMED, "{\"caseNumber\":\"N-k-1\"}", true));
        assertThat(order).containsExactly("attempted k-1", "confirmed k-1");
    }

    /** Read from the file by a connection of its own, as anyone reading the disk would. */
    private boolean payloadGone(String key) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db").toAbsolutePath());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payload IS NULL, receipt IS NOT NULL FROM outbox_entry WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1) && rs.getBoolean(2);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEntryWithoutAReceiptIsConfirmedAsBeforeAndKeepsNone() throws Exception {
        closeAfter(new OutboxWorker(outbox, m -> new Delivery.Delivered("N-1"), new Backoff(Duration.ofMillis(20),
                Duration.ofMillis(80), 0.2, RandomGenerator.getDefault()), Clock.systemUTC(),
                Duration.ofMillis(100), new OutboxWorker.Listener() { }).start());
        outbox.add(EntryKind.RATING, "r-1", Outbox.PRIORITY_LOW, "{}".getBytes(UTF_8));

        await("confirmed", () -> outbox.status().confirmed() == 1);

        assertThat(outbox.find("r-1").orElseThrow().reference()).contains("N-1");
        assertThat(outbox.receipt("r-1")).isEmpty();
    }
}
