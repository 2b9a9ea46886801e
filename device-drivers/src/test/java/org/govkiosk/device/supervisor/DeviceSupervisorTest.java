package org.govkiosk.device.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.supervisor.DeviceSupervisor.Health;
import org.govkiosk.device.supervisor.DeviceSupervisor.Settings;
import org.govkiosk.device.supervisor.DeviceSupervisor.SupervisionRecord;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives checks by hand with a mutable clock: no sleeping, no timing assertions. */
class DeviceSupervisorTest {

    private static final DeviceException UNPLUGGED = new DeviceException(DeviceException.Code.DISCONNECTED,
            DeviceStatusDetail.DISCONNECTED, "cable pulled");
    private static final DeviceException NO_PERMISSION = new DeviceException(
            DeviceException.Code.PORT_PERMISSION_DENIED, DeviceStatusDetail.PORT_PERMISSION_DENIED, "not in dialout");

    private final MutableClock clock = new MutableClock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Settings settings = new Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(60), 500);
    /** Jitter 1.0: every delay is the full exponential value, so expectations are exact. */
    private DeviceSupervisor supervisor = new DeviceSupervisor(scheduler, clock, settings, () -> 1.0);

    @AfterEach
    void stop() {
        supervisor.close();
        scheduler.shutdownNow();
    }

    @Test
    void backoffDoublesFromTheBaseAndIsCappedAtTheMax() {
        FakeComponent printer = register(new FakeComponent("printer").offline(UNPLUGGED));
        List<Duration> delays = new ArrayList<>();

        supervisor.checkNow(); // first sight of the failure: schedules the first retry
        for (int attempt = 1; attempt <= 9; attempt++) {
            Instant due = nextRetry("printer");
            delays.add(Duration.between(clock.instant(), due));
            clock.set(due.minusMillis(1));
            supervisor.checkNow();
            assertThat(printer.reconnects).as("not before it is due").isEqualTo(attempt - 1);
            clock.set(due);
            supervisor.checkNow();
            assertThat(printer.reconnects).isEqualTo(attempt);
        }

        assertThat(delays).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8), seconds(16), seconds(32),
                seconds(60), seconds(60), seconds(60));
        assertThat(supervisor.health("printer").orElseThrow().attempts()).isEqualTo(9);
    }

    @Test
    void jitterSpreadsEachDelayOverTheUpperHalfOfItsBackoff() {
        Random random = new Random(1);
        DeviceSupervisor jittery = new DeviceSupervisor(scheduler, clock, settings, random::nextDouble);
        DeviceSupervisor lowest = new DeviceSupervisor(scheduler, clock, settings, () -> 0.0);
        List<Long> seen = new ArrayList<>();

        for (int attempts = 0; attempts < 12; attempts++) {
            long full = Math.min(60_000L, 1000L << attempts);
            for (int i = 0; i < 200; i++) {
                long ms = jittery.backoff(attempts).toMillis();
                assertThat(ms).isBetween(full / 2, full);
                seen.add(ms);
            }
            assertThat(lowest.backoff(attempts).toMillis()).isEqualTo(full / 2);
        }
        assertThat(seen.stream().distinct().count()).as("jitter actually varies").isGreaterThan(100);
        assertThat(supervisor.backoff(10_000)).as("huge attempt counts do not overflow").isEqualTo(seconds(60));
    }

    @Test
    void attemptsStartOverOnceTheComponentIsUsableAgain() {
        FakeComponent scanner = register(new FakeComponent("scanner").offline(UNPLUGGED));
        supervisor.checkNow();
        for (int i = 0; i < 3; i++) {
            clock.set(nextRetry("scanner"));
            supervisor.checkNow();
        }
        assertThat(scanner.reconnects).isEqualTo(3);

        scanner.online();
        supervisor.checkNow();
        Health healthy = supervisor.health("scanner").orElseThrow();
        assertThat(healthy.attempts()).isZero();
        assertThat(healthy.nextRetry()).isEmpty();

        scanner.offline(UNPLUGGED);
        supervisor.checkNow();
        assertThat(Duration.between(clock.instant(), nextRetry("scanner"))).isEqualTo(seconds(1));
    }

    @Test
    void aFatalFailureIsRecordedOnceAndNeverRetried() {
        FakeComponent reader = register(new FakeComponent("reader").offline(NO_PERMISSION));

        for (int i = 0; i < 20; i++) {
            supervisor.checkNow();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(reader.reconnects).isZero();
        assertThat(supervisor.records()).singleElement().satisfies(r -> {
            assertThat(r.componentId()).isEqualTo("reader");
            assertThat(r.action()).contains("not retried");
            assertThat(r.cause()).contains("PORT_PERMISSION_DENIED").contains("not in dialout");
        });
        assertThat(supervisor.health("reader").orElseThrow().nextRetry()).isEmpty();
    }

    @Test
    void disabledAndDeviceReportedOfflineComponentsAreLeftAlone() {
        FakeComponent disabled = register(new FakeComponent("pad"));
        disabled.status = DeviceStatusInfo.of(DeviceStatus.DISABLED, DeviceStatusDetail.DISABLED_BY_CONFIG);
        disabled.lastFailure = UNPLUGGED;
        FakeComponent coverOpen = register(new FakeComponent("printer"));
        coverOpen.status = DeviceStatusInfo.offline(DeviceStatusDetail.COVER_OPEN);
        FakeComponent connecting = register(new FakeComponent("scanner"));
        connecting.status = DeviceStatusInfo.of(DeviceStatus.INITIALIZING, DeviceStatusDetail.NONE);

        for (int i = 0; i < 5; i++) {
            supervisor.checkNow();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(disabled.reconnects + coverOpen.reconnects + connecting.reconnects).isZero();
        assertThat(disabled.silenceReports + coverOpen.silenceReports + connecting.silenceReports).isZero();
        assertThat(supervisor.records()).isEmpty();
    }

    @Test
    void aUsableComponentSilentPastItsTimeoutIsDeclaredLostOnce() {
        FakeComponent scanner = register(new FakeComponent("scanner").online());
        scanner.silenceTimeout = Duration.ofSeconds(10);
        scanner.lastSignOfLife = clock.instant();

        clock.advance(Duration.ofSeconds(10));
        supervisor.checkNow();
        assertThat(scanner.silenceReports).as("exactly at the limit is still fine").isZero();

        clock.advance(Duration.ofMillis(1));
        supervisor.checkNow();
        supervisor.checkNow();
        assertThat(scanner.silenceReports).as("one silence, one report, even if the component ignores it")
                .isEqualTo(1);
        assertThat(supervisor.records()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("declared lost");
            assertThat(r.cause()).contains("silent for 10001 ms").contains("limit 10000 ms");
        });

        scanner.lastSignOfLife = clock.instant();
        clock.advance(Duration.ofSeconds(11));
        supervisor.checkNow();
        assertThat(scanner.silenceReports).as("a new silence is reported again").isEqualTo(2);
    }

    @Test
    void aZeroSilenceTimeoutIsNeverChecked() {
        FakeComponent pad = register(new FakeComponent("pad").online());
        pad.silenceTimeout = Duration.ZERO;

        clock.advance(Duration.ofDays(3));
        supervisor.checkNow();

        assertThat(pad.silenceReports).isZero();
    }

    @Test
    void everyInterventionIsRecordedBeforeItIsMade() {
        FakeComponent scanner = register(new FakeComponent("scanner").online());
        scanner.silenceTimeout = Duration.ofSeconds(5);
        scanner.lastSignOfLife = clock.instant();
        // What the supervisor had recorded at the moment it intervened.
        List<SupervisionRecord> atSilence = new ArrayList<>();
        List<SupervisionRecord> atReconnect = new ArrayList<>();
        scanner.onSilence = () -> {
            atSilence.addAll(supervisor.records());
            scanner.offline(new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                    "no answer"));
        };
        scanner.onReconnect = () -> atReconnect.addAll(supervisor.records());

        clock.advance(Duration.ofSeconds(6));
        supervisor.checkNow(); // declares it lost
        supervisor.checkNow(); // sees it OFFLINE, schedules a retry
        clock.set(nextRetry("scanner"));
        supervisor.checkNow(); // reconnects

        assertThat(atSilence).extracting(SupervisionRecord::action).containsExactly("declared lost");
        assertThat(atReconnect).extracting(SupervisionRecord::action)
                .containsExactly("declared lost", "reconnect attempt 1");
        assertThat(atReconnect.get(1).cause()).contains("NO_DATA_TIMEOUT");
        assertThat(atReconnect.get(1).at()).isEqualTo(clock.instant());
    }

    @Test
    void recordsAreBoundedKeepingTheNewest() {
        supervisor = new DeviceSupervisor(scheduler, clock, new Settings(Duration.ofSeconds(1), Duration.ZERO,
                Duration.ZERO, 5), () -> 1.0);
        FakeComponent flaky = register(new FakeComponent("flaky").offline(UNPLUGGED));

        for (int i = 0; i < 12; i++) {
            supervisor.checkNow();
        }

        assertThat(supervisor.records()).extracting(SupervisionRecord::action).containsExactly(
                "reconnect attempt 7", "reconnect attempt 8", "reconnect attempt 9", "reconnect attempt 10",
                "reconnect attempt 11");
        assertThat(flaky.reconnects).isEqualTo(11);
    }

    @Test
    void healthShowsStatusAttemptsNextRetryAndCause() {
        register(new FakeComponent("printer").offline(UNPLUGGED));
        register(new FakeComponent("scanner").online());
        supervisor.checkNow();

        assertThat(supervisor.health()).extracting(Health::componentId).containsExactly("printer", "scanner");
        Health printer = supervisor.health("printer").orElseThrow();
        assertThat(printer.status().detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED);
        assertThat(printer.attempts()).isZero();
        assertThat(printer.nextRetry()).contains(clock.instant().plusSeconds(1));
        assertThat(printer.lastFailure()).hasValueSatisfying(m -> assertThat(m).contains("cable pulled"));
        assertThat(supervisor.health("nobody")).isEmpty();

        supervisor.unregister("printer");
        assertThat(supervisor.health()).extracting(Health::componentId).containsExactly("scanner");
    }

    @Test
    void aComponentThatThrowsDoesNotStopTheOthers() {
        FakeComponent broken = register(new FakeComponent("broken").offline(UNPLUGGED));
        broken.onReconnect = () -> {
            throw new IllegalStateException("driver bug");
        };
        FakeComponent fine = register(new FakeComponent("fine").offline(UNPLUGGED));
        supervisor.checkNow();
        clock.advance(Duration.ofSeconds(1));

        supervisor.checkNow();

        assertThat(broken.reconnects).isEqualTo(1);
        assertThat(fine.reconnects).isEqualTo(1);
    }

    @Test
    void startRunsTheChecksOnTheSharedScheduler() throws Exception {
        supervisor = new DeviceSupervisor(scheduler, clock, new Settings(Duration.ofMillis(5), Duration.ZERO,
                Duration.ZERO, 10), () -> 1.0);
        CountDownLatch reconnected = new CountDownLatch(1);
        FakeComponent printer = register(new FakeComponent("printer").offline(UNPLUGGED));
        printer.onReconnect = reconnected::countDown;

        supervisor.start();
        supervisor.start();

        assertThat(reconnected.await(10, TimeUnit.SECONDS)).as("the scheduler ran the checks").isTrue();
    }

    private FakeComponent register(FakeComponent c) {
        supervisor.register(c);
        return c;
    }

    private Instant nextRetry(String id) {
        return supervisor.health(id).orElseThrow().nextRetry().orElseThrow();
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    /** A component whose state the test sets; counts what the supervisor asks of it. */
    private final class FakeComponent implements SupervisedComponent {
        final String id;
        volatile DeviceStatusInfo status = DeviceStatusInfo.uninitialized();
        volatile DeviceException lastFailure;
        volatile Instant lastSignOfLife = clock.instant();
        volatile Duration silenceTimeout = Duration.ZERO;
        volatile int reconnects;
        volatile int silenceReports;
        Runnable onReconnect = () -> { };
        Runnable onSilence = () -> { };

        FakeComponent(String id) {
            this.id = id;
        }

        FakeComponent offline(DeviceException cause) {
            status = DeviceStatusInfo.offline(cause.detail());
            lastFailure = cause;
            return this;
        }

        FakeComponent online() {
            status = DeviceStatusInfo.online();
            lastFailure = null;
            return this;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public DeviceStatusInfo status() {
            return status;
        }

        @Override
        public Optional<DeviceException> lastFailure() {
            return Optional.ofNullable(lastFailure);
        }

        @Override
        public Instant lastSignOfLife() {
            return lastSignOfLife;
        }

        @Override
        public Duration silenceTimeout() {
            return silenceTimeout;
        }

        @Override
        public void reportSilence() {
            silenceReports++;
            onSilence.run();
        }

        @Override
        public void reconnect() {
            reconnects++;
            onReconnect.run();
        }
    }
}
