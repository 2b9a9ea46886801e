package org.govkiosk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog against a real unix datagram socket standing in for systemd's: READY=1, WATCHDOG=1 while healthy,
 * none while a component hangs, feeding again once it recovers, STOPPING=1 at the end.
 */
class HealthWatchdogTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void feedsWhileHealthyStopsWhileTheUiThreadHangsAndResumesAfterwards() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor();
        AtomicLong supervisorCheckIn = new AtomicLong(System.nanoTime());
        supervisor.scheduleAtFixedRate(() -> supervisorCheckIn.set(System.nanoTime()), 0, 50, TimeUnit.MILLISECONDS);
        try (NotifyReceiver systemd = new NotifyReceiver(dir.resolve("notify").toString())) {
            HealthWatchdog watchdog = new HealthWatchdog(Map.of("NOTIFY_SOCKET", systemd.name(),
                    "WATCHDOG_USEC", "400000"), List.of(new EventLoopCheck("ui-thread", ui, Duration.ofMillis(300)),
                    HealthCheck.checkedInWithin("supervisor", supervisorCheckIn::get, Duration.ofSeconds(5))));
            try {
                watchdog.ready("test screen up");
                String ready = systemd.awaitMessage("READY=1", WAIT);
                assertThat(ready).contains("STATUS=test screen up").contains("MAINPID=" + ProcessHandle.current().pid());
                systemd.awaitMessage("WATCHDOG=1", WAIT);
                systemd.awaitMessage("WATCHDOG=1", WAIT);

                CountDownLatch release = new CountDownLatch(1);
                ui.execute(() -> await(release));
                String unhealthy = systemd.awaitMessage("STATUS=unhealthy", WAIT);
                assertThat(unhealthy).contains("ui-thread has not run a task");
                // Five feeding periods (200 ms each) while the UI hangs: not one WATCHDOG=1.
                assertThat(systemd.collectFor(Duration.ofSeconds(1))).noneMatch(m -> m.startsWith("WATCHDOG=1"));

                release.countDown();
                assertThat(systemd.awaitMessage("WATCHDOG=1", WAIT)).contains("STATUS=healthy again");
            } finally {
                watchdog.close();
            }
            systemd.awaitMessage("STOPPING=1", WAIT);
        } finally {
            ui.shutdownNow();
            supervisor.shutdownNow();
        }
    }

    @Test
    void aSupervisorThatStopsCheckingInStopsTheFeedingAndIsNamed() throws Exception {
        AtomicLong lastCheckIn = new AtomicLong(System.nanoTime());
        try (NotifyReceiver systemd = new NotifyReceiver(dir.resolve("notify").toString())) {
            HealthWatchdog watchdog = new HealthWatchdog(Map.of("NOTIFY_SOCKET", systemd.name(),
                    "WATCHDOG_USEC", "300000"),
                    List.of(HealthCheck.checkedInWithin("device-supervisor", lastCheckIn::get, Duration.ofMillis(500))));
            try {
                watchdog.ready("up");
                systemd.awaitMessage("WATCHDOG=1", WAIT);
                // Nobody stamps lastCheckIn any more: the supervisor's scheduler is stuck.
                assertThat(systemd.awaitMessage("STATUS=unhealthy", WAIT))
                        .contains("device-supervisor has not checked in");
                assertThat(systemd.collectFor(Duration.ofMillis(800))).noneMatch(m -> m.startsWith("WATCHDOG=1"));
            } finally {
                watchdog.close();
            }
        }
    }

    @Test
    void aWorkerMayWaitForeverButNotHangInOneStep() {
        AtomicLong busySince = new AtomicLong(0);
        HealthCheck worker = HealthCheck.stepWithin("outbox-worker", busySince::get, Duration.ofSeconds(90));
        assertThat(worker.problem()).as("waiting").isEmpty();
        busySince.set(System.nanoTime() - Duration.ofSeconds(5).toNanos());
        assertThat(worker.problem()).as("a 5 s send").isEmpty();
        busySince.set(System.nanoTime() - Duration.ofSeconds(120).toNanos());
        assertThat(worker.problem()).hasValueSatisfying(p -> assertThat(p).contains("outbox-worker is stuck"));
    }

    @Test
    void aCheckThatThrowsCountsAsFailing() {
        HealthWatchdog watchdog = new HealthWatchdog(Optional.empty(), Optional.empty(), List.of(
                HealthCheck.of("broken", () -> {
                    throw new IllegalStateException("boom");
                }), HealthCheck.of("fine", Optional::empty)));
        assertThat(watchdog.problems()).singleElement().asString().contains("broken could not be checked")
                .contains("boom");
        assertThat(watchdog.tick()).isFalse();
        watchdog.close();
    }

    @Test
    void theWatchdogPeriodComesFromWatchdogUsecForThisProcessOnly() {
        long pid = 4242;
        assertThat(HealthWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "30000000"), pid))
                .contains(Duration.ofSeconds(30));
        assertThat(HealthWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "4242"), pid))
                .contains(Duration.ofSeconds(30));
        assertThat(HealthWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "17"), pid))
                .as("meant for another process").isEmpty();
        assertThat(HealthWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "soon"), pid)).isEmpty();
        assertThat(HealthWatchdog.watchdogPeriod(Map.of("WATCHDOG_USEC", "0"), pid)).isEmpty();
        assertThat(HealthWatchdog.watchdogPeriod(Map.of(), pid)).isEmpty();
    }

    @Test
    void withoutNotifySocketNothingIsSentAndNothingFails() {
        HealthWatchdog watchdog = new HealthWatchdog(Map.of("WATCHDOG_USEC", "100000"), List.of());
        watchdog.ready("up");
        assertThat(watchdog.tick()).isTrue();
        watchdog.close();
    }

    @Test
    void sendsToAnAbstractSocketAndSaysWhatFailedWhenNoOneListens() throws Exception {
        String name = "@govkiosk-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifyReceiver systemd = new NotifyReceiver(name)) {
            SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", name)).orElseThrow().notify("READY=1");
            assertThat(systemd.awaitMessage("READY=1", WAIT)).isEqualTo("READY=1");
        }
        SystemdNotifier nobody = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET",
                dir.resolve("nobody").toString())).orElseThrow();
        assertThatThrownBy(() -> nobody.notify("WATCHDOG=1")).isInstanceOf(SystemdNotifier.NotifyException.class)
                .hasMessageContaining("nobody").hasMessageContaining("errno");
        assertThat(SystemdNotifier.fromEnvironment(Map.of())).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
