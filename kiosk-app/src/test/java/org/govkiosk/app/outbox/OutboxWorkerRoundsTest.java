package org.govkiosk.app.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.govkiosk.shared.retry.Backoff;
import org.junit.jupiter.api.Test;

/** The worker's rounds: parallel sends, one request per round while the platform is down, nothing sent twice. */
class OutboxWorkerRoundsTest extends WorkerTestBase {

    private OutboxWorker worker;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<Instant> roundOf = new CopyOnWriteArrayList<>();

    private void start(OutboxSender sender, int parallelism, int batch) {
        worker = closeAfter(new OutboxWorker(outbox, m -> {
            sent.add(m.entry().idempotencyKey());
            return sender.send(m);
        }, new Backoff(Duration.ofMillis(30), Duration.ofMillis(60), 0, RandomGenerator.getDefault()),
                Clock.systemUTC(), Duration.ofMillis(200), new OutboxWorker.Listener() {
                    @Override
                    public void attempted(OutboxEntry entry, Delivery outcome, Instant at) {
                        roundOf.add(at); // one instant per round: the outcomes are recorded together
                    }
                }, parallelism, batch).start());
    }

    private void add(String... keys) {
        for (String k : keys) {
            outbox.add(k.startsWith("r") ? EntryKind.RATING : EntryKind.CASE, k,
                    k.startsWith("r") ? Outbox.PRIORITY_LOW : Outbox.PRIORITY_NORMAL, "{}".getBytes(UTF_8));
        }
    }

    private static Delivery delivered(OutboxMessage m) {
        return new Delivery.Delivered("N-" + m.entry().idempotencyKey());
    }

    @Test
    void sendsSeveralEntriesAtOnceAndConfirmsEachOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            add("c" + i);
        }
        // The first four requests meet here: only a worker with four requests in flight lets them through.
        CountDownLatch together = new CountDownLatch(4);
        AtomicBoolean metTogether = new AtomicBoolean(true);
        start(m -> {
            together.countDown();
            try {
                if (!together.await(10, TimeUnit.SECONDS)) {
                    metTogether.set(false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delivered(m);
        }, 4, 16);
        await("all confirmed", () -> outbox.status().confirmed() == 40);
        assertThat(metTogether).isTrue();
        assertThat(sent).hasSize(40).doesNotHaveDuplicates();
        assertThat(outbox.find("c17").orElseThrow().reference()).contains("N-c17");
        // 40 entries in rounds of at most 16.
        Map<Instant, Long> rounds = roundOf.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertThat(rounds.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(16));
        assertThat(rounds).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void oneWorkerThreadSendsStrictlyInPriorityThenQueueOrder() throws Exception {
        add("r1", "c1", "c2", "r2", "c3");
        start(OutboxWorkerRoundsTest::delivered, 1, 32);
        await("all confirmed", () -> outbox.status().confirmed() == 5);
        assertThat(sent).containsExactly("c1", "c2", "c3", "r1", "r2");
    }

    @Test
    void whileThePlatformIsDownEachRoundIsOneProbeAndNothingIsLost() throws Exception {
        for (int i = 0; i < 20; i++) {
            add("c" + i);
        }
        AtomicBoolean down = new AtomicBoolean(true);
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        start(m -> {
            if (down.get()) {
                return new Delivery.RetryLater("CONNECT_FAILED");
            }
            deliveries.computeIfAbsent(m.entry().idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            return delivered(m);
        }, 4, 32);
        await("the first round and four probes", () -> roundOf.stream().distinct().count() >= 5);
        down.set(false);
        await("all confirmed", () -> outbox.status().confirmed() == 20);

        List<Long> sizes = new ArrayList<>(roundOf.stream()
                .collect(Collectors.groupingBy(a -> a, java.util.TreeMap::new, Collectors.counting())).values());
        // The first round takes every due entry, but once one of them must wait the ones not started yet are not
        // sent: at most the four already in flight fail, not twenty.
        assertThat(sizes.get(0)).as("attempts in the first round, of 20 taken").isBetween(1L, 4L);
        // Rounds after a failure carry one entry until one gets through; then the rest go in a full round.
        int i = 1;
        while (i < sizes.size() && sizes.get(i) == 1 && i < 4) {
            i++;
        }
        assertThat(i).as("probe rounds of one after the failed round, in %s", sizes).isEqualTo(4);
        assertThat(deliveries).hasSize(20).allSatisfy((k, n) -> assertThat(n.get()).as(k).isEqualTo(1));
        assertThat(worker.consecutiveFailures()).isZero();
        assertThat(worker.lastProblem()).isEmpty();
        assertThat(outbox.find("c0").orElseThrow().attempts()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void entriesARoundDidNotSendWaitOutTheBackoffWithTheFailedOnes() throws Exception {
        for (int i = 0; i < 10; i++) {
            add("c" + i);
        }
        // A platform that accepts connections and answers nothing, slowly: each request "times out" after 100 ms.
        start(m -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Delivery.RetryLater("TIMEOUT");
        }, 2, 32);
        await("the first round recorded", () -> !roundOf.isEmpty() && outbox.nextDueAt().isPresent()
                && outbox.find("c9").orElseThrow().lastError().isPresent());
        Instant first = roundOf.get(0);
        long attemptsInFirst = roundOf.stream().filter(first::equals).count();
        assertThat(attemptsInFirst).as("requests made by a round of ten over two threads").isLessThanOrEqualTo(2);
        // The eight not sent are rescheduled with the failed ones, and say why.
        assertThat(outbox.find("c9").orElseThrow().lastError().orElseThrow()).contains("not sent").contains("TIMEOUT");
        assertThat(outbox.status().waiting()).isEqualTo(10);
        assertThat(outbox.status().dead()).isZero();
    }
}
