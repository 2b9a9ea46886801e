package org.govkiosk.device.internal.sim.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.RatingPad;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.ratingpad.RatingPadDriverFactory;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.testkit.SocatPtyPair;
import org.govkiosk.device.transport.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver and simulator over real pseudo-terminals made by socat, with real heartbeats and real serial ports:
 * the kernel's tty layer chunks the bytes as it likes. Skips, saying why, where socat is missing.
 */
class RatingPadPtyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aRatingTravelsOverASerialLineAndAPulledCableIsNoticed() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        DeviceEventBus bus = new DeviceEventBus();
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        bus.onEvent(events::add);
        RatingPadDriverFactory factory = new RatingPadDriverFactory();
        try (SocatPtyPair ptys = SocatPtyPair.start(dir)) {
            DeviceConfig config = new DeviceConfig("pad-pty", DeviceFamily.RATING_PAD, null,
                    TransportConfig.serial(ptys.a().toString(), 9600), true, null, Duration.ofSeconds(5),
                    Map.of("sim.heartbeat", "500", "charset", "gb18030"));
            assertThat(factory.validate(config)).isEmpty();
            try (SimulatedRatingPad pad = (SimulatedRatingPad) factory.simulator(config).orElseThrow();
                    SerialTransport padPort = new SerialTransport(ptys.b().toString(), 9600)) {
                pad.attach(padPort);
                RatingPad driver = (RatingPad) factory.create(config,
                        new SerialTransport(ptys.a().toString(), 9600),
                        new DeviceContext(scheduler, bus, java.time.Clock.systemUTC()));
                try {
                    driver.start();
                    Await.until("pad online", WAIT, () -> driver.status().status() == DeviceStatus.ONLINE,
                            driver::status);

                    driver.show(new RatingPad.RatingRequest("330100-ZW-20260105-0007", "不动产登记资料查询", "李明",
                            "综合受理5号窗口")).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    assertThat(pad.screen()).hasValueSatisfying(s -> assertThat(s.window()).isEqualTo("综合受理5号窗口"));
                    pad.press(5);

                    Await.until("the rating", WAIT, () -> events.stream()
                            .anyMatch(DeviceEvent.RatingEntered.class::isInstance), () -> events);
                    assertThat(events).filteredOn(DeviceEvent.RatingEntered.class::isInstance).singleElement()
                            .satisfies(e -> {
                                DeviceEvent.RatingEntered r = (DeviceEvent.RatingEntered) e;
                                assertThat(r.requestId()).isEqualTo("330100-ZW-20260105-0007");
                                assertThat(r.level()).isEqualTo(5);
                            });

                    ptys.kill();
                    Await.until("the pulled cable noticed", WAIT,
                            () -> driver.status().status() == DeviceStatus.OFFLINE, driver::status);
                    assertThat(driver.status().detail()).isIn(DeviceStatusDetail.DISCONNECTED,
                            DeviceStatusDetail.COMMUNICATION_ERROR, DeviceStatusDetail.NO_DATA_TIMEOUT);
                } finally {
                    driver.close();
                }
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
