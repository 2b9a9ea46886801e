package org.govkiosk.app.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.govkiosk.shared.retry.Backoff;
import org.junit.jupiter.api.Test;

/** A stuck or dead outbox worker is replaced in-process, with its cause; a slow one that moves is left alone. */
class OutboxSupervisorTest extends WorkerTestBase {

    private OutboxSupervisor supervisor;
    private final List<OutboxWorker> workers = new CopyOnWriteArrayList<>();
    private final List<String> causes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

    private void supervise(OutboxSender sender, int parallelism, Duration stuckAfter) {
        supervisor = closeAfter(OutboxSupervisor.start(() -> {
            OutboxWorker w = new OutboxWorker(outbox, m -> {
                Delivery d = sender.send(m);
                if (d instanceof Delivery.Delivered) {
                    delivered.computeIfAbsent(m.entry().idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
                }
                return d;
            }, new Backoff(Duration.ofMillis(20), Duration.ofMillis(40), 0, RandomGenerator.getDefault()),
                    Clock.systemUTC(), Duration.ofMillis(100), new OutboxWorker.Listener() { }, parallelism, 32);
            workers.add(w);
            return w;
        }, stuckAfter, Duration.ofMillis(50), causes::add));
    }

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            outbox.add(EntryKind.CASE, "c" + i, Outbox.PRIORITY_NORMAL, "{}".getBytes(UTF_8));
        }
    }

    private static Delivery ok(OutboxMessage m) {
        return new Delivery.Delivered("N-" + m.entry().idempotencyKey());
    }

    @Test
    void aWorkerStuckInASendIsReplacedAndTheEntryItHeldIsDeliveredByTheNextOne() throws Exception {
        add(3);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean firstCall = new AtomicBoolean(true);
        // The first request hangs (a platform that took the connection and went silent, past every timeout).
        supervise(m -> {
            if (firstCall.getAndSet(false)) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Delivery.RetryLater("interrupted");
                }
            }
            return ok(m);
        }, 1, Duration.ofMillis(400));

        await("all three confirmed", () -> outbox.status().confirmed() == 3);
        assertThat(supervisor.restarts()).isEqualTo(1);
        assertThat(causes).singleElement().asString().contains("no progress").contains("limit 400 ms")
                .contains("stuck at");
        assertThat(delivered).containsOnlyKeys("c0", "c1", "c2")
                .allSatisfy((k, n) -> assertThat(n.get()).as(k).isEqualTo(1));
        assertThat(workers).hasSize(2);
        assertThat(supervisor.worker()).isSameAs(workers.get(1));
        await("the abandoned worker's thread let go", () -> !workers.get(0).alive());
    }

    @Test
    void aLongRoundThatKeepsMovingIsNotRestarted() throws Exception {
        add(12);
        // One thread, 100 ms a request: the round of twelve takes 1.2 s, three times the limit, yet every send
        // that finishes is progress.
        supervise(m -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(m);
        }, 1, Duration.ofMillis(400));
        await("all twelve confirmed", () -> outbox.status().confirmed() == 12);
        assertThat(supervisor.restarts()).as("restarts, causes %s", causes).isZero();
        assertThat(workers).hasSize(1);
    }

    @Test
    void aWorkerWhoseThreadDiedIsReplaced() throws Exception {
        add(1); // a lone entry is sent on the worker's own thread, which the error ends
        AtomicBoolean firstCall = new AtomicBoolean(true);
        supervise(m -> {
            if (firstCall.getAndSet(false)) {
                throw new StackOverflowError("simulated");
            }
            return ok(m);
        }, 1, Duration.ofSeconds(30));
        await("confirmed", () -> outbox.status().confirmed() == 1);
        assertThat(causes).singleElement().asString().contains("ended unexpectedly");
        assertThat(delivered).containsOnlyKeys("c0");
    }
}
