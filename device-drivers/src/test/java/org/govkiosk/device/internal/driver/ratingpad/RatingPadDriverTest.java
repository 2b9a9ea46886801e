package org.govkiosk.device.internal.driver.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEvent.CancelReason;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.RatingPad.RatingRequest;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.codec.ratingpad.PadCommand;
import org.govkiosk.device.internal.codec.ratingpad.ShowRequest;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.sim.ratingpad.SimulatedRatingPad;
import org.govkiosk.device.supervisor.DeviceSupervisor;
import org.govkiosk.testkit.Await;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver against the simulated pad over an in-memory pipe, both built by the factory as the registry builds
 * them. The clock is moved by hand (debounce, silence, backoff); ACK timeouts and request timeouts run in real
 * time, kept short. "Ignored" is checked through the driver's counters, waited for, never by sleeping.
 */
class RatingPadDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final MutableClock clock = new MutableClock();
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final DeviceSupervisor supervisor = new DeviceSupervisor(scheduler, clock,
            new DeviceSupervisor.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(8), 100),
            () -> 1.0);
    private SimulatedRatingPad pad;
    private RatingPadDriver driver;

    private void connect(Map<String, String> extra) throws DeviceException {
        Map<String, String> options = new HashMap<>(Map.of("response-timeout", "500", "sim.heartbeat", "0"));
        options.putAll(extra);
        DeviceConfig config = new DeviceConfig("pad-3", DeviceFamily.RATING_PAD, null, TransportConfig.simulator(),
                true, null, null, options);
        RatingPadDriverFactory factory = new RatingPadDriverFactory();
        assertThat(factory.validate(config)).isEmpty();
        bus.onEvent(events::add);
        PipeTransport[] pipe = PipeTransport.pair("pad");
        pad = (SimulatedRatingPad) factory.simulator(config).orElseThrow();
        pad.attach(pipe[1]);
        driver = new RatingPadDriver(config, pipe[0], new DeviceContext(scheduler, bus, clock),
                RatingPadSettings.require(config), Duration.ofMillis(100));
        supervisor.register(driver);
        driver.start();
        awaitStatus(DeviceStatus.ONLINE);
    }

    @AfterEach
    void disconnect() {
        if (driver != null) {
            driver.close();
            pad.close();
        }
        supervisor.close();
        scheduler.shutdownNow();
    }

    private static RatingRequest request(String id) {
        return new RatingRequest(id, "社会保障卡补办", "王芳", "3号窗口");
    }

    private void showAndWait(String id) throws Exception {
        driver.show(request(id)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitStatus(DeviceStatus status) {
        Await.until("pad " + status, WAIT, () -> driver.status().status() == status, driver::status);
    }

    private List<DeviceEvent> ratingEvents() {
        return events.stream().filter(e -> e instanceof DeviceEvent.RatingEntered
                || e instanceof DeviceEvent.RatingCancelled).toList();
    }

    private DeviceEvent.RatingEntered rated(String id, int level) {
        return new DeviceEvent.RatingEntered("pad-3", clock.instant(), id, level);
    }

    private DeviceEvent.RatingCancelled cancelled(String id, CancelReason reason) {
        return new DeviceEvent.RatingCancelled("pad-3", clock.instant(), id, reason);
    }

    @Test
    void showsTheRequestAndPublishesTheLevelTheCitizenPressed() throws Exception {
        connect(Map.of());

        showAndWait("330100-ZW-0001");
        assertThat(pad.screen()).contains(new ShowRequest("330100-ZW-0001", "社会保障卡补办", "王芳", "3号窗口", 60,
                org.govkiosk.device.internal.codec.ratingpad.TextCharset.UTF_8));
        pad.press(4);

        Await.until("the rating", WAIT, () -> !ratingEvents().isEmpty());
        assertThat(ratingEvents()).containsExactly(rated("330100-ZW-0001", 4));
        Await.until("the host ACKed the key", WAIT, () -> pad.keyAcks() == 1);
        assertThat(driver.statistics().openRequest()).isEmpty();
    }

    @Test
    void textsGoOutInGb18030WhenConfigured() throws Exception {
        connect(Map.of("charset", "gb18030"));

        showAndWait("A-1");

        assertThat(pad.screen()).hasValueSatisfying(s -> {
            assertThat(s.charset()).isEqualTo(org.govkiosk.device.internal.codec.ratingpad.TextCharset.GB18030);
            assertThat(s.item()).isEqualTo("社会保障卡补办");
        });
    }

    @Test
    void aSecondPressForTheSameRequestIsIgnoredAndCounted() throws Exception {
        connect(Map.of("debounce", "300"));
        showAndWait("A-1");
        pad.press(5);
        Await.until("the rating", WAIT, () -> driver.statistics().ratings() == 1);
        DeviceEvent.RatingEntered first = rated("A-1", 5);

        clock.advance(Duration.ofSeconds(2));
        pad.press(1); // the idle pad names the request it showed last

        Await.until("the repeat counted", WAIT, () -> driver.statistics().repeatedRatings() == 1);
        assertThat(ratingEvents()).containsExactly(first);
    }

    @Test
    void bouncingTapsMakeOneRating() throws Exception {
        connect(Map.of());
        showAndWait("A-1");
        pad.inject(SimulatedRatingPad.BOUNCE);

        pad.press(2);

        Await.until("the bounces counted", WAIT, () -> driver.statistics().bounces() == 2, driver::statistics);
        assertThat(ratingEvents()).containsExactly(rated("A-1", 2));
    }

    @Test
    void keyPressesWithoutAnOpenRequestAreIgnored() throws Exception {
        connect(Map.of());

        pad.press(3);

        Await.until("the stray press counted", WAIT, () -> driver.statistics().keysWithoutRequest() == 1);
        // The ACK travels back to the pad after the driver counted the press: wait for it, do not race it.
        Await.until("the pad still hears its key was received", WAIT, () -> pad.keyAcks() == 1);
        assertThat(ratingEvents()).isEmpty();
    }

    @Test
    void aFloodOfRequestsKeepsOnlyTheNewestOpenAndCancelsEachOlderOneOnce() throws Exception {
        connect(Map.of());
        List<CompletableFuture<Void>> shows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            shows.add(driver.show(request("FLOOD-" + i)));
            assertThat(driver.pendingCommands()).as("the queue stays bounded").isLessThanOrEqualTo(3);
        }
        shows.get(499).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(pad.screen()).hasValueSatisfying(s -> assertThat(s.requestId()).isEqualTo("FLOOD-499"));
        assertThat(pad.received(PadCommand.SHOW_REQUEST)).as("displaced requests never reach the wire")
                .isLessThan(500);
        pad.press(5);
        Await.until("the rating", WAIT, () -> driver.statistics().ratings() == 1);

        List<DeviceEvent> expected = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            expected.add(cancelled("FLOOD-" + i, CancelReason.SUPERSEDED));
        }
        expected.add(rated("FLOOD-499", 5));
        assertThat(ratingEvents()).containsExactlyElementsOf(expected);
        for (CompletableFuture<Void> f : shows.subList(0, 499)) {
            // Each older request either went out before it was displaced (ACKed) or never did (cancelled).
            assertThat(f).isDone();
            if (f.isCompletedExceptionally()) {
                assertThatThrownBy(f::get).hasCauseInstanceOf(CancellationException.class);
            }
        }
    }

    @Test
    void aLostAckMakesTheShowGoOutAgainWithTheSameSeq() throws Exception {
        connect(Map.of());
        pad.inject("garbage"); // the pad's next frame, the ACK, is noise on the line

        showAndWait("A-1");

        assertThat(pad.received(PadCommand.SHOW_REQUEST)).isEqualTo(2);
        assertThat(pad.repeatedShows()).as("the pad knew the resend by its SEQ").isEqualTo(1);
        assertThat(driver.statistics().resends()).isEqualTo(1);
        pad.press(3);
        Await.until("the rating", WAIT, () -> !ratingEvents().isEmpty());
        assertThat(ratingEvents()).containsExactly(rated("A-1", 3));
    }

    @Test
    void aPadThatNeverAcksIsGivenUpAfterBoundedResendsAndTheSupervisorBringsItBack() throws Exception {
        connect(Map.of("show-attempts", "3"));
        pad.inject(SimulatedRatingPad.NO_ACK);

        CompletableFuture<Void> show = driver.show(request("A-1"));

        assertThatThrownBy(() -> show.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceException.Code.TIMEOUT));
        assertThat(pad.received(PadCommand.SHOW_REQUEST)).isEqualTo(3);
        awaitStatus(DeviceStatus.OFFLINE);
        assertThat(driver.status().detail()).isEqualTo(DeviceStatusDetail.NO_DATA_TIMEOUT);
        assertThat(ratingEvents()).containsExactly(cancelled("A-1", CancelReason.NOT_SHOWN));

        pad.clear(SimulatedRatingPad.NO_ACK);
        reconnectThroughTheSupervisor();
        showAndWait("A-2");
        assertThat(pad.screen()).hasValueSatisfying(s -> assertThat(s.requestId()).isEqualTo("A-2"));
    }

    @Test
    void silenceTakesThePadOfflineWithNoDataTimeoutAndCancelsTheOpenRequest() throws Exception {
        connect(Map.of());
        showAndWait("A-1");
        pad.inject("silence");

        clock.advance(Duration.ofSeconds(11));
        supervisor.checkNow();

        awaitStatus(DeviceStatus.OFFLINE);
        assertThat(driver.status().detail()).isEqualTo(DeviceStatusDetail.NO_DATA_TIMEOUT);
        assertThat(ratingEvents()).containsExactly(cancelled("A-1", CancelReason.DEVICE_UNAVAILABLE));
        assertThat(driver.show(request("A-2"))).isCompletedExceptionally();
        assertThat(ratingEvents()).last().isEqualTo(cancelled("A-2", CancelReason.NOT_SHOWN));

        pad.clear("silence");
        reconnectThroughTheSupervisor();
    }

    @Test
    void anUnpluggedPadComesBackThroughTheSupervisor() throws Exception {
        connect(Map.of());
        showAndWait("A-1");

        pad.inject("unplug");

        awaitStatus(DeviceStatus.OFFLINE);
        assertThat(driver.status().detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED);
        assertThat(ratingEvents()).containsExactly(cancelled("A-1", CancelReason.DEVICE_UNAVAILABLE));
        pad.clear("unplug");
        reconnectThroughTheSupervisor();
        showAndWait("A-2");
        pad.press(5);
        Await.until("the rating", WAIT, () -> driver.statistics().ratings() == 1);
        assertThat(ratingEvents()).last().isEqualTo(rated("A-2", 5));
    }

    @Test
    void aStuckKeyDegradesThePadAndRatesNothing() throws Exception {
        connect(Map.of());
        pad.inject(SimulatedRatingPad.KEY_STUCK);
        awaitStatus(DeviceStatus.DEGRADED);
        assertThat(driver.status().args()).containsExactly("key-stuck:5");
        assertThat(driver.status().detail()).isEqualTo(org.govkiosk.device.DeviceStatusDetail.KEY_STUCK);

        showAndWait("A-1"); // the stuck contact "presses" 5 at once
        Await.until("the stuck press ignored", WAIT, () -> driver.statistics().stuckKeyPresses() == 1);
        clock.advance(Duration.ofSeconds(1));
        pad.press(4); // the pad went idle after the stuck press; it still names A-1
        Await.until("the rating", WAIT, () -> driver.statistics().ratings() == 1);

        assertThat(ratingEvents()).containsExactly(rated("A-1", 4));
        pad.clear(SimulatedRatingPad.KEY_STUCK);
        awaitStatus(DeviceStatus.ONLINE);
    }

    @Test
    void aDisplayFaultTakesThePadOfflineUntilItReportsItFixed() throws Exception {
        connect(Map.of());
        showAndWait("A-1");

        pad.inject(SimulatedRatingPad.DISPLAY_FAULT);

        awaitStatus(DeviceStatus.OFFLINE);
        assertThat(driver.status().args()).containsExactly("display-fault");
        assertThat(driver.status().detail()).isEqualTo(org.govkiosk.device.DeviceStatusDetail.DISPLAY_FAULT);
        assertThat(driver.lastFailure()).as("reported by the pad: nothing to reconnect").isEmpty();
        assertThat(ratingEvents()).containsExactly(cancelled("A-1", CancelReason.DEVICE_UNAVAILABLE));
        pad.clear(SimulatedRatingPad.DISPLAY_FAULT);
        awaitStatus(DeviceStatus.ONLINE);
    }

    @Test
    void anUnratedRequestTimesOut() throws Exception {
        connect(Map.of());

        driver.show(new RatingRequest("A-1", "i", "c", "w", Duration.ofSeconds(5)))
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        Await.until("the timeout", WAIT, () -> !ratingEvents().isEmpty());
        assertThat(ratingEvents()).containsExactly(cancelled("A-1", CancelReason.TIMED_OUT));
    }

    @Test
    void clearCancelsTheOpenRequestAndIdlesThePad() throws Exception {
        connect(Map.of());
        showAndWait("A-1");

        driver.clear().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(pad.screen()).isEmpty();
        assertThat(ratingEvents()).containsExactly(cancelled("A-1", CancelReason.CLEARED));
        pad.press(5);
        Await.until("the late press ignored", WAIT, () -> driver.statistics().keysWithoutRequest() == 1);
        assertThat(ratingEvents()).hasSize(1);
    }

    @Test
    void badRequestsFailClearlyAndARatedRequestIsNotShownAgain() throws Exception {
        connect(Map.of());

        assertThat(driver.show(request("案件-1"))).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class).withMessageContaining("printable ASCII");
        assertThat(ratingEvents()).containsExactly(cancelled("案件-1", CancelReason.NOT_SHOWN));

        showAndWait("A-1");
        pad.press(5);
        Await.until("the rating", WAIT, () -> driver.statistics().ratings() == 1);
        assertThat(driver.show(request("A-1"))).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class).withMessageContaining("rated already");
        assertThat(ratingEvents()).hasSize(2);
    }

    private void reconnectThroughTheSupervisor() {
        Await.until("reconnected", WAIT, () -> {
            clock.advance(Duration.ofSeconds(2));
            supervisor.checkNow();
            return driver.status().status() == DeviceStatus.ONLINE;
        }, driver::status);
    }
}
