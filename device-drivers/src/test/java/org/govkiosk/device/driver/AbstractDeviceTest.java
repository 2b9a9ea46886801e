package org.govkiosk.device.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AbstractDeviceTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock();
    private final DeviceEventBus bus = new DeviceEventBus();
    private final DeviceContext context = new DeviceContext(scheduler, bus, clock);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** The smallest device there is: it records what the base asks of it, in order. */
    private static final class CountingDevice extends AbstractDevice {
        final List<String> calls = new CopyOnWriteArrayList<>();
        RuntimeException startFailure;

        CountingDevice(DeviceConfig config, DeviceContext context) {
            super(config, context);
        }

        @Override
        protected void onStart() {
            calls.add("start");
            if (startFailure != null) {
                throw startFailure;
            }
            setStatus(DeviceStatusInfo.online());
        }

        @Override
        protected void onClose() {
            calls.add("close");
        }

        @Override
        protected void onReconnect() {
            calls.add("reconnect");
        }

        @Override
        protected String describe() {
            return "nowhere";
        }

        void show(DeviceStatusInfo info) {
            setStatus(info);
        }

        void failWith(DeviceStatusDetail detail) {
            fail(new DeviceException(DeviceException.Code.IO_ERROR, detail, "broke: " + detail));
        }
    }

    private CountingDevice device(boolean enabled) {
        return new CountingDevice(new DeviceConfig("dev-1", DeviceFamily.QR_SCANNER, "test",
                DeviceConfig.simulated("dev-1", DeviceFamily.QR_SCANNER).transport(), enabled, null,
                Duration.ofSeconds(5), Map.of()), context);
    }

    private List<DeviceStatusChanged> changes() {
        List<DeviceStatusChanged> seen = new CopyOnWriteArrayList<>();
        bus.onStatus(seen::add);
        return seen;
    }

    @Test
    void startsOnceAndClosesOnceWhateverTheCalls() {
        CountingDevice d = device(true);
        List<DeviceStatusChanged> seen = changes();
        d.start();
        d.start();
        d.close();
        d.close();
        d.start();
        assertThat(d.calls).containsExactly("start", "close");
        assertThat(seen).extracting(c -> c.newStatus().status())
                .containsExactly(DeviceStatus.INITIALIZING, DeviceStatus.ONLINE);
    }

    @Test
    void aDeviceClosedBeforeStartNeverStarts() {
        CountingDevice d = device(true);
        d.close();
        d.start();
        assertThat(d.calls).containsExactly("close");
        assertThat(d.status().status()).isEqualTo(DeviceStatus.UNINITIALIZED);
    }

    @Test
    void aDisabledDeviceShowsDisabledAndDoesNoWork() {
        CountingDevice d = device(false);
        d.start();
        d.reconnect();
        assertThat(d.status()).isEqualTo(
                DeviceStatusInfo.of(DeviceStatus.DISABLED, DeviceStatusDetail.DISABLED_BY_CONFIG));
        assertThat(d.calls).isEmpty();
        assertThat(d.counters()).doesNotContainKey(AbstractDevice.RECONNECTS);
    }

    @Test
    void aStartThatThrowsIsAnOfflineStatusNotAnException() {
        CountingDevice d = device(true);
        d.startFailure = new IllegalStateException("no such folder");
        d.start();
        assertThat(d.status()).isEqualTo(DeviceStatusInfo.offline(DeviceStatusDetail.COMMUNICATION_ERROR));
        assertThat(d.lastFailure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("no such folder"));
    }

    @Test
    void concurrentStartsAndClosesRunEachHookOnceAndCloseAfterStart() throws Exception {
        int threads = 8;
        for (int round = 0; round < 200; round++) {
            CountingDevice d = device(true);
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean starter = t % 2 == 0;
                Thread th = new Thread(() -> {
                    try {
                        together.await(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (starter) {
                        d.start();
                    } else {
                        d.close();
                    }
                });
                th.start();
                all.add(th);
            }
            for (Thread th : all) {
                th.join(10_000);
            }
            // Either a start won the race and was undone by the close, or the close came first and no start ran.
            assertThat(d.calls).as("round %d", round).isIn(List.of("start", "close"), List.of("close"));
            d.start();
            assertThat(d.calls).as("a start after close, round %d", round).endsWith("close");
        }
    }

    @Test
    void subscribersSeeChangesInTheOrderTheyWereMadeEvenWhenOneReactsWithAChange() {
        CountingDevice d = device(true);
        // The first subscriber answers going OFFLINE by showing DEGRADED at once, on the delivering thread.
        bus.onStatus(c -> {
            if (c.newStatus().status() == DeviceStatus.OFFLINE) {
                d.show(DeviceStatusInfo.degraded(DeviceStatusDetail.PAPER_NEAR_END));
            }
        });
        List<DeviceStatusChanged> seen = changes();
        d.start();
        d.failWith(DeviceStatusDetail.NO_READER);
        assertThat(seen).extracting(c -> c.newStatus().status()).containsExactly(DeviceStatus.INITIALIZING,
                DeviceStatus.ONLINE, DeviceStatus.OFFLINE, DeviceStatus.DEGRADED);
        assertChained(seen, d);
    }

    @Test
    void changesFromManyThreadsReachSubscribersAsOneChain() throws Exception {
        CountingDevice d = device(true);
        List<DeviceStatusChanged> seen = changes();
        DeviceStatusDetail[] details = DeviceStatusDetail.values();
        int threads = 6;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2_000; i++) {
                    d.show(DeviceStatusInfo.degraded(details[(i + offset) % details.length]));
                }
            });
            th.start();
            all.add(th);
        }
        go.countDown();
        for (Thread th : all) {
            th.join(30_000);
        }
        assertThat(seen).hasSizeGreaterThan(threads);
        assertChained(seen, d);
    }

    /** Each change starts where the one before ended, and the last one ends where the device is. */
    private static void assertChained(List<DeviceStatusChanged> seen, CountingDevice d) {
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).oldStatus()).as("change %d starts where change %d ended", i, i - 1)
                    .isEqualTo(seen.get(i - 1).newStatus());
        }
        assertThat(seen.get(seen.size() - 1).newStatus()).isEqualTo(d.status());
    }

    @Test
    void countsFailuresSilencesAndReconnectsOnceEach() {
        CountingDevice d = device(true);
        d.reconnect(); // not started: nothing to retry
        d.start();
        d.failWith(DeviceStatusDetail.NO_READER);
        d.failWith(DeviceStatusDetail.NO_READER); // the same failure again is not a new one
        d.failWith(DeviceStatusDetail.PORT_NOT_FOUND);
        d.reconnect();
        d.reportSilence();
        assertThat(d.counters()).containsEntry(AbstractDevice.FAILURES, 3L)
                .containsEntry(AbstractDevice.RECONNECTS, 1L).containsEntry(AbstractDevice.SILENCES, 1L);
        assertThat(d.calls).containsExactly("start", "reconnect");
        d.close();
        d.reconnect();
        assertThat(d.counters()).containsEntry(AbstractDevice.RECONNECTS, 1L);
        assertThat(d.calls).containsExactly("start", "reconnect", "close");
    }

    @Test
    void silenceTakesTheDeviceOfflineForTheSupervisorToRetry() {
        CountingDevice d = device(true);
        d.start();
        d.reportSilence();
        assertThat(d.status()).isEqualTo(DeviceStatusInfo.offline(DeviceStatusDetail.NO_DATA_TIMEOUT));
        assertThat(d.lastFailure()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(DeviceException.Code.TIMEOUT);
            assertThat(e).hasMessageEndingWith(": no answer for 5000 ms");
        });
    }

    @Test
    void signsOfLifeFollowTheClock() {
        CountingDevice d = device(true);
        var before = d.lastSignOfLife();
        clock.advance(Duration.ofSeconds(3));
        d.signOfLife();
        assertThat(d.lastSignOfLife()).isEqualTo(before.plusSeconds(3));
    }

    @Test
    void aFailureMustShowAsOffline() {
        CountingDevice d = device(true);
        DeviceException cause = new DeviceException(DeviceException.Code.IO_ERROR,
                DeviceStatusDetail.COMMUNICATION_ERROR, "x");
        assertThatThrownBy(() -> d.fail(cause, DeviceStatusInfo.online()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OFFLINE");
        assertThat(d.lastFailure()).isEmpty();
    }

    @Test
    void countersOnlyGrow() {
        DriverCounters counters = new DriverCounters();
        counters.add("cards", 2);
        counters.add("cards", 1);
        assertThat(counters.get("cards")).isEqualTo(3);
        assertThat(counters.get("never")).isZero();
        assertThatThrownBy(() -> counters.add("cards", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(counters.snapshot()).containsExactly(Map.entry("cards", 3L));
    }

    @Test
    void countersAreExactUnderConcurrentCounting() throws Exception {
        CountingDevice d = device(true);
        AtomicInteger done = new AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    d.count("reads");
                }
                done.incrementAndGet();
            });
            th.start();
            all.add(th);
        }
        for (Thread th : all) {
            th.join(30_000);
        }
        assertThat(done).hasValue(4);
        assertThat(d.counters()).containsEntry("reads", 40_000L);
    }
}
