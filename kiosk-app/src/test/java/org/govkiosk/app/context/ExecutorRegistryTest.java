package org.govkiosk.app.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExecutorRegistryTest {

    private final ExecutorRegistry registry = new ExecutorRegistry(Duration.ofMillis(300));

    @Test
    void closesEverythingItMadeMostRecentFirst() throws Exception {
        List<String> stopped = new CopyOnWriteArrayList<>();
        ExecutorService journey = registry.singleThread("journey");
        ExecutorService pool = registry.pool("http", 2);
        ScheduledExecutorService scheduler = registry.scheduler("devices", 2);
        CountDownLatch threadRunning = new CountDownLatch(1);
        Thread worker = registry.thread("worker", () -> {
            threadRunning.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                stopped.add("worker");
            }
        });
        worker.start();
        threadRunning.await();
        // Each executor notes when its running task ends: the order in which they were closed.
        for (var e : List.of(journey, pool, scheduler)) {
            String name = e == journey ? "journey" : e == pool ? "http" : "devices";
            e.execute(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException x) {
                    stopped.add(name);
                }
            });
        }
        // A timer not yet due is dropped, not waited for.
        scheduler.schedule(() -> stopped.add("timer ran"), 5, TimeUnit.SECONDS);
        assertThat(registry.open()).containsExactly(journey, pool, scheduler, worker);

        registry.close();

        assertThat(journey.isTerminated()).isTrue();
        assertThat(pool.isTerminated()).isTrue();
        assertThat(scheduler.isTerminated()).isTrue();
        worker.join(1000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(stopped).containsExactly("worker", "devices", "http", "journey");
        assertThat(registry.open()).isEmpty();
    }

    @Test
    void threadsAreNamedDaemons() throws Exception {
        List<Thread> seen = new CopyOnWriteArrayList<>();
        ExecutorService scan = registry.singleThread("document-scan");
        scan.submit(() -> seen.add(Thread.currentThread())).get();
        Thread t = registry.threads("platform-start").newThread(() -> { });

        assertThat(seen.get(0).getName()).isEqualTo("document-scan-1");
        assertThat(seen.get(0).isDaemon()).isTrue();
        assertThat(t.getName()).isEqualTo("platform-start-1");
        assertThat(t.isDaemon()).isTrue();
        registry.close();
    }

    @Test
    void aTaskStillRunningAtCloseIsGivenTheBoundThenInterrupted() throws Exception {
        ExecutorService executor = registry.singleThread("stubborn");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        executor.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        started.await();

        long before = System.nanoTime();
        registry.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);

        assertThat(interrupted).as("interrupted once the bound passed").isTrue();
        assertThat(executor.isTerminated()).isTrue();
        assertThat(tookMillis).as("waited the bound first, not much more").isBetween(250L, 5_000L);
    }

    @Test
    void aTaskThatEndsWithinTheBoundIsNotInterruptedAndQueuedWorkRuns() throws Exception {
        ExecutorService executor = registry.singleThread("gentle");
        AtomicBoolean interrupted = new AtomicBoolean();
        List<String> ran = new CopyOnWriteArrayList<>();
        executor.execute(() -> {
            try {
                Thread.sleep(50);
                ran.add("first");
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        executor.execute(() -> ran.add("queued"));

        registry.close();

        assertThat(interrupted).isFalse();
        assertThat(ran).containsExactly("first", "queued");
    }

    @Test
    void closeIsIdempotentAndNothingNewIsMadeAfterIt() {
        ExecutorService executor = registry.singleThread("once");
        registry.close();
        registry.close();

        assertThat(executor.isShutdown()).isTrue();
        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> registry.singleThread("late")).isInstanceOf(IllegalStateException.class);
        assertThat(registry.open()).isEmpty();
    }

    @Test
    void anExecutorClosedEarlyByItsOwnerIsForgotten() throws Exception {
        ExecutorService early = registry.singleThread("early");
        ExecutorService late = registry.singleThread("late");
        registry.closeNow(early);

        assertThat(early.isShutdown()).isTrue();
        assertThat(registry.open()).containsExactly(late);
        registry.close();
        assertThat(late.isTerminated()).isTrue();
    }
}
