package org.govkiosk.app.pad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.app.ui.pad.PadViewModel;
import org.govkiosk.app.ui.pad.PadViewModel.Stage;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.RatingPad;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.codec.ratingpad.PadCommand;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.ratingpad.RatingPadDriverFactory;
import org.govkiosk.device.internal.sim.ratingpad.SimulatedRatingPad;
import org.govkiosk.device.transport.SerialTransport;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the serial five-key pad in the window's rating flow, end to end. The reference platform over HTTP, the
 * pad-mode terminal's connection and screen model, and the real rating-pad driver on one end of a socat
 * pseudo-terminal pair with the simulator speaking the pad's bytes on the other. The window asks; the request is on
 * the serial pad's display; the key pressed is the window's rating on the platform, once, however often it is
 * pressed; a bad key asks for reasons on the screen (or leaves them to the phone); a pad unplugged mid-request
 * leaves the request on the screen.
 */
class SerialRatingPadIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String WINDOW = "W-05";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private PlatformServer server;
    private Process socat;
    private SimulatedRatingPad sim;
    private SerialTransport simPort;
    private RatingPad driver;
    private SerialPadRelay relay;
    private PadRig rig;

    private void start(PadViewModel.BadKeyReasons reasons) throws Exception {
        bus.onEvent(events::add);
        Path host = startSocat();
        DeviceConfig config = new DeviceConfig("pad-serial", DeviceFamily.RATING_PAD, null,
                TransportConfig.serial(host.toString(), 9600), true, null, Duration.ofSeconds(5),
                Map.of("sim.heartbeat", "500", "charset", "gb18030", "window-pad", "true",
                        "bad-rating-reasons", reasons == PadViewModel.BadKeyReasons.PHONE ? "phone" : "screen"));
        RatingPadDriverFactory factory = new RatingPadDriverFactory();
        assertThat(factory.validate(config)).isEmpty();
        sim = (SimulatedRatingPad) factory.simulator(config).orElseThrow();
        simPort = new SerialTransport(dir.resolve("dev").toString(), 9600);
        sim.attach(simPort);
        driver = (RatingPad) factory.create(config, new SerialTransport(host.toString(), 9600),
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        driver.start();
        Await.until("serial pad online", WAIT, () -> driver.status().status() == DeviceStatus.ONLINE,
                driver::status);

        server = PlatformServer.startEmbedded();
        rig = new PadRig(server, "PAD-S", WINDOW, model -> {
            model.badKeyReasons(reasons);
            relay = new SerialPadRelay(driver, bus, model, model, "5号窗口", Duration.ofMinutes(2),
                    Clock.systemUTC());
            model.onFinished(relay::screenFinished);
            return relay;
        });
        Await.until("pad connected", WAIT, () -> rig.model.connectedProperty().get());
    }

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (driver != null) {
            driver.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (simPort != null) {
            simPort.close();
        }
        killSocat();
        if (server != null) {
            server.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aKeyPressedOnTheSerialPadIsTheWindowsRatingOnceHoweverOftenItIsPressed() throws Exception {
        start(PadViewModel.BadKeyReasons.SCREEN);
        RatingRequestReceipt receipt = ask("GK20261206000101");

        Await.until("the request on the serial pad", WAIT, () -> sim.screen().isPresent(), sim::screen);
        assertThat(sim.screen().get().requestId()).isEqualTo(receipt.requestId());
        assertThat(sim.screen().get().clerk()).isEqualTo("李明");
        assertThat(sim.screen().get().window()).isEqualTo("5号窗口");
        assertThat(rig.model.stageProperty().get()).as("the screen offers it too").isEqualTo(Stage.RATING);

        sim.press(5);
        Await.until("the key's rating sent", WAIT, () -> rig.submitted.size() == 1, () -> rig.submitted);
        // The citizen presses again (perhaps before the pad took the driver's ACK of the first press), and another
        // key: the pad names the request it showed last each time.
        sim.press(5);
        Await.until("the second press acknowledged", WAIT, () -> sim.keyAcks() >= 2, sim::keyAcks);
        sim.press(4);
        Await.until("the third press acknowledged", WAIT, () -> sim.keyAcks() >= 3, sim::keyAcks);

        assertThat(rig.submitted).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(5);
            assertThat(r.windowId()).isEqualTo(WINDOW);
            assertThat(r.caseNumber()).isEqualTo("GK20261206000101");
        });
        assertThat(rig.model.stageProperty().get()).isEqualTo(Stage.THANKS);
        JsonNode summary = summary();
        assertThat(summary.get("given").asInt()).as("one rating per contact").isEqualTo(1);
        assertThat(summary.get("givenByLevel").get("5").asInt()).isEqualTo(1);
        assertThat(ask(WINDOW, "GK20261206000101").statusCode()).as("a rated contact is not asked again")
                .isEqualTo(409);
    }

    @Test
    void aBadKeyAsksForTheReasonsOnTheScreenAndTheScreenRatingClearsThePad() throws Exception {
        start(PadViewModel.BadKeyReasons.SCREEN);
        ask("GK20261206000102");
        Await.until("the request on the serial pad", WAIT, () -> sim.screen().isPresent(), sim::screen);

        sim.press(1);
        Await.until("the screen asks why", WAIT, () -> rig.model.stageProperty().get() == Stage.REASONS);
        assertThat(rig.submitted).as("a bad rating needs a reason first").isEmpty();
        rig.model.toggleReason("SERVICE_EFFICIENCY");
        rig.model.submit();
        sim.press(2); // pressed again while the citizen chose the reason: ignored
        Await.until("the pad's second press acknowledged", WAIT, () -> sim.keyAcks() >= 2, sim::keyAcks);

        assertThat(rig.submitted).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(1);
            assertThat(r.badReasons()).containsExactly("SERVICE_EFFICIENCY");
        });
        JsonNode bad = ApiJson.lenient().readTree(clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null).body());
        assertThat(bad.get("ratings")).hasSize(1);
        assertThat(bad.get("ratings").get(0).get("channel").asText()).isEqualTo("WINDOW_PAD");

        // A request rated on the screen itself: the serial pad is cleared, its later key rates nothing.
        ask("GK20261206000103");
        Await.until("the next request on the serial pad", WAIT, () -> sim.screen()
                .filter(s -> !s.requestId().isBlank() && rig.model.requestProperty().get() != null
                        && s.requestId().equals(rig.model.requestProperty().get().requestId())).isPresent(),
                sim::screen);
        rig.model.chooseLevel(4);
        Await.until("the serial pad cleared", WAIT, () -> sim.received(PadCommand.CLEAR) >= 1 && sim.screen()
                .isEmpty(), sim::screen);
        sim.press(3);
        Await.until("that press acknowledged", WAIT, () -> sim.keyAcks() >= 3, sim::keyAcks);
        assertThat(rig.submitted).hasSize(2);
        assertThat(rig.submitted.get(1).level()).isEqualTo(4);
    }

    @Test
    void withReasonsLeftToThePhoneABadKeySendsNothingAndSaysWhere() throws Exception {
        start(PadViewModel.BadKeyReasons.PHONE);
        ask("GK20261206000104");
        Await.until("the request on the serial pad", WAIT, () -> sim.screen().isPresent(), sim::screen);

        sim.press(2);
        Await.until("the screen says where to give the reasons", WAIT,
                () -> rig.model.stageProperty().get() == Stage.THANKS);
        assertThat(rig.model.messageProperty().get()).contains("pad.reasons-by-phone");
        assertThat(rig.submitted).isEmpty();
        assertThat(summary().get("given").asInt()).isZero();
    }

    @Test
    void aPadUnpluggedMidRequestLeavesTheRequestOnTheScreen() throws Exception {
        start(PadViewModel.BadKeyReasons.SCREEN);
        RatingRequestReceipt receipt = ask("GK20261206000105");
        Await.until("the request on the serial pad", WAIT, () -> sim.screen().isPresent(), sim::screen);

        killSocat(); // the cable is pulled
        Await.until("the pad's request given up", WAIT, () -> events.stream()
                .anyMatch(e -> e instanceof DeviceEvent.RatingCancelled c && c.requestId().equals(receipt.requestId())
                        && c.reason() == DeviceEvent.CancelReason.DEVICE_UNAVAILABLE), () -> events);
        // The driver gives up the pad's request while it drops the link, and marks itself OFFLINE right after.
        Await.until("the pad offline", WAIT, () -> driver.status().status() == DeviceStatus.OFFLINE,
                driver::status);
        assertThat(rig.model.stageProperty().get()).as("the screen still offers the rating")
                .isEqualTo(Stage.RATING);

        rig.model.chooseLevel(5);
        assertThat(rig.submitted).singleElement().satisfies(r -> assertThat(r.level()).isEqualTo(5));
        assertThat(summary().get("given").asInt()).isEqualTo(1);
    }

    // --- helpers

    private RatingRequestReceipt ask(String caseNumber) throws Exception {
        HttpResponse<String> r = ask(WINDOW, caseNumber);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiJson.lenient().readValue(r.body(), RatingRequestReceipt.class);
    }

    private HttpResponse<String> ask(String window, String caseNumber) throws Exception {
        return clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, ApiJson.strict().writeValueAsString(
                new RatingRequest(PadRig.HALL, window, caseNumber, "1", "11440100MB2C12345X4440117001000",
                        "社保卡补办", "CLERK-7", "李明")));
    }

    private JsonNode summary() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_RATING_SUMMARY + "?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ApiJson.lenient().readTree(r.body());
    }

    private HttpResponse<String> clerk(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + server.clerkToken().orElseThrow())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Two linked pseudo-terminals: the driver opens {@code host}, the simulator {@code dev}. */
    private Path startSocat() throws IOException, InterruptedException {
        String path = System.getenv("PATH");
        Assumptions.assumeTrue(path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "socat"))),
                "socat is not installed: serial tests need real ptys (apt-get install socat; CI installs it)");
        Path host = dir.resolve("host");
        Path dev = dir.resolve("dev");
        Path log = dir.resolve("socat.log");
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + dev)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Await.until("socat moves data", WAIT, () -> Files.exists(host) && Files.exists(dev) && Files.exists(log)
                && Files.readString(log).contains("starting data transfer loop"));
        return host;
    }

    private void killSocat() throws InterruptedException {
        if (socat != null && socat.isAlive()) {
            socat.destroyForcibly();
            socat.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
