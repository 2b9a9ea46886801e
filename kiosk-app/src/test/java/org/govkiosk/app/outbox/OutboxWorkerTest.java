package org.govkiosk.app.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class OutboxWorkerTest extends WorkerTestBase {

    private OutboxWorker worker;
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Queue<Delivery> script = new ConcurrentLinkedQueue<>();
    /** Answered once to the entry with that key, before the script. */
    private final Map<String, Delivery> onceFor = new ConcurrentHashMap<>();

    /** Answers what is set for the entry's key, else from the script, else "delivered". */
    private void startWorker() {
        OutboxSender sender = m -> {
            attempts.add(m.entry().idempotencyKey());
            if (new String(m.payload(), UTF_8).contains("explode")) {
                throw new IllegalStateException("sender bug");
            }
            Delivery forKey = onceFor.remove(m.entry().idempotencyKey());
            if (forKey != null) {
                return forKey;
            }
            Delivery next = script.poll();
            return next != null ? next : new Delivery.Delivered("N-" + m.entry().idempotencyKey());
        };
        worker = closeAfter(new OutboxWorker(outbox, sender, new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), 0.2,
                RandomGenerator.getDefault()), Clock.systemUTC(), Duration.ofMillis(200), new OutboxWorker.Listener() {
                }).start());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        await("condition", condition::getAsBoolean);
    }

    @Test
    void anIdleWorkerPurgesEntriesConfirmedLongerAgoThanTheRetention() throws Exception {
        outbox.close();
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-01T08:00:00Z"));
        outbox = Outbox.open(dir.resolve("aged.db"), new PayloadCipher(TestKeys.aes()), clock);
        long old = outbox.add(EntryKind.CASE, "old", 0, "{}".getBytes(UTF_8));
        outbox.markSent(old);
        outbox.confirm(old, "N-old");
        clock.advance(OutboxWorker.CONFIRMED_RETENTION.plusDays(1));
        long recent = outbox.add(EntryKind.CASE, "recent", 0, "{}".getBytes(UTF_8));
        outbox.markSent(recent);
        outbox.confirm(recent, "N-recent");

        worker = new OutboxWorker(outbox, m -> new Delivery.Delivered("unused"), new Backoff(Duration.ofMillis(20),
                Duration.ofMillis(80), 0.2, RandomGenerator.getDefault()), clock, Duration.ofMillis(200),
                new OutboxWorker.Listener() {
                }).start();

        await(() -> outbox.find("old").isEmpty());
        assertThat(outbox.find("recent")).isPresent();
    }

    @Test
    void deliversAndConfirmsWhatIsAdded() throws Exception {
        startWorker();
        outbox.add(EntryKind.CASE, "a", 0, "{\"x\":1}".getBytes(UTF_8));
        worker.wake();
        await(() -> outbox.status().confirmed() == 1);
        assertThat(outbox.find("a").orElseThrow().reference()).contains("N-a");
        assertThat(attempts).containsExactly("a");
    }

    @Test
    void aRejectedEntryBecomesADeadLetterAndTheNextStillGoes() throws Exception {
        // By key: the two entries go in one round, on two sender threads, in either order.
        onceFor.put("bad", new Delivery.Rejected("422 invalid-field"));
        outbox.add(EntryKind.CASE, "bad", 0, "{}".getBytes(UTF_8));
        outbox.add(EntryKind.CASE, "good", 0, "{}".getBytes(UTF_8));
        startWorker();
        await(() -> outbox.status().confirmed() == 1 && outbox.status().dead() == 1);
        assertThat(outbox.deadLetters()).singleElement().satisfies(e -> {
            assertThat(e.idempotencyKey()).isEqualTo("bad");
            assertThat(e.lastError()).contains("422 invalid-field");
        });
        assertThat(worker.lastProblem()).isEmpty();

        // Maintenance retries it: now it goes through.
        outbox.retry(outbox.deadLetters().get(0).id());
        worker.wake();
        await(() -> outbox.status().confirmed() == 2);
    }

    @Test
    void retryableFailuresAreRetriedUntilDelivered() throws Exception {
        script.add(new Delivery.RetryLater("CONNECT_FAILED"));
        script.add(new Delivery.RetryLater("SERVER_ERROR 500"));
        outbox.add(EntryKind.RATING, "r", Outbox.PRIORITY_LOW, "{}".getBytes(UTF_8));
        startWorker();
        await(() -> outbox.status().confirmed() == 1);
        assertThat(attempts).containsExactly("r", "r", "r");
        assertThat(outbox.find("r").orElseThrow().attempts()).isEqualTo(3);
        assertThat(worker.consecutiveFailures()).isZero();
    }

    @Test
    void aSenderThatThrowsLosesNothing() throws Exception {
        outbox.add(EntryKind.CASE, "boom", 0, "explode".getBytes(UTF_8));
        startWorker();
        await(() -> attempts.size() >= 3);
        assertThat(outbox.find("boom").orElseThrow().state()).isEqualTo(EntryState.SENT);
        assertThat(outbox.status().dead()).isZero();
        assertThat(worker.lastProblem().orElseThrow()).contains("sender bug");
    }
}
