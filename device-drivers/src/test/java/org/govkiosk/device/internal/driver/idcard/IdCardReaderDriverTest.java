package org.govkiosk.device.internal.driver.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.codec.idcard.SamCommand;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.device.idcard.IdCardRejection;
import org.govkiosk.device.internal.sim.idcard.SimulatedCard;
import org.govkiosk.device.internal.sim.idcard.SimulatedIdCardReader;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The driver against the simulator, over an in-memory pipe, speaking the real byte protocol. */
class IdCardReaderDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TEST_CARDS = "/org/govkiosk/device/sim/idcard/test-cards.properties";

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent.IdCardRead> reads = new CopyOnWriteArrayList<>();
    private final List<DeviceEvent.IdCardRejected> rejections = new CopyOnWriteArrayList<>();
    private final List<DeviceStatusChanged> changes = new CopyOnWriteArrayList<>();
    private SimulatedIdCardReader sim;
    private IdCardReaderDriver driver;

    private void start(SimulatedIdCardReader reader) throws Exception {
        sim = reader;
        PipeTransport[] pipe = PipeTransport.pair("idcard-driver-test");
        sim.attach(pipe[1]);
        // Generous: a loaded CI machine can delay an answer on the pipe; a timeout must mean silence, not load.
        DeviceConfig config = new DeviceConfig("idcard-test", DeviceFamily.ID_CARD_READER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(50), Duration.ofSeconds(10),
                Map.of("response-timeout", "1000"));
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.IdCardRead r) {
                reads.add(r);
            } else if (e instanceof DeviceEvent.IdCardRejected r) {
                rejections.add(r);
            }
        });
        bus.onStatus(changes::add);
        driver = (IdCardReaderDriver) new IdCardReaderDriverFactory().create(config, pipe[0],
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        driver.start();
    }

    private void startOnline(SimulatedIdCardReader reader) throws Exception {
        start(reader);
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (sim != null) {
            sim.close();
        }
        scheduler.shutdownNow();
    }

    private void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition::getAsBoolean, () -> driver.status() + " " + driver.statistics());
    }

    private void awaitStatus(DeviceStatus status, DeviceStatusDetail detail) {
        await(status + "/" + detail, () -> driver.status().status() == status && driver.status().detail() == detail);
    }

    /** Waits until the simulator has answered {@code n} more of {@code command}: the driver polled that often. */
    private void awaitPolls(SamCommand command, int n) {
        int target = sim.received(command) + n;
        await(n + " more " + command, () -> sim.received(command) >= target);
    }

    @Test
    void goesOnlineAfterSamStatusAndKnowsTheSamId() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        assertThat(driver.statistics().samId()).contains(sim.samId());
        assertThat(changes).anySatisfy(c -> assertThat(c.newStatus().status()).isEqualTo(DeviceStatus.ONLINE));
        assertThat(sim.received(SamCommand.SAM_STATUS)).isPositive();
    }

    @Test
    void publishesOneReadPerPlacement() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.setReadingEnabled(true);
        sim.place("demo-zhang");
        await("one read", () -> reads.size() == 1);
        awaitPolls(SamCommand.FIND_CARD, 5);
        assertThat(reads).hasSize(1);
        assertThat(sim.received(SamCommand.READ_TEXT_PHOTO)).isEqualTo(1);
        IdCardData card = reads.get(0).card();
        assertThat(reads.get(0).deviceId()).isEqualTo("idcard-test");
        assertThat(card.name()).isEqualTo("张伟");
        assertThat(card.idNumber()).isEqualTo("110101198001011232");
        assertThat(card.nation()).isEqualTo("汉");
        assertThat(card.rawPhoto()).hasSize(1024);
        assertThat(driver.statistics().cardsRead()).isEqualTo(1);
        assertThat(driver.statistics().cardOnReader()).isTrue();
    }

    @Test
    void removalAndReplacementPublishAgain() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.setReadingEnabled(true);
        sim.place("demo-zhang");
        await("first read", () -> reads.size() == 1);
        sim.remove();
        await("removal noticed", () -> !driver.statistics().cardOnReader());
        assertThat(reads).hasSize(1);
        sim.place("demo-zhang");
        await("second read of the same card", () -> reads.size() == 2);
        sim.remove();
        await("removal noticed", () -> !driver.statistics().cardOnReader());
        sim.place("demo-chen-hk");
        await("third read", () -> reads.size() == 3);
        assertThat(reads.get(2).card().documentType()).isEqualTo(IdCardData.DocumentType.HMT_RESIDENCE_PERMIT);
    }

    @Test
    void readersThatHaltReadCardsAlsoGiveOneReadPerPlacement() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        sim.setHaltAfterRead(true);
        driver.setReadingEnabled(true);
        sim.place("demo-li");
        await("one read", () -> reads.size() == 1);
        awaitPolls(SamCommand.FIND_CARD, 6);
        assertThat(reads).hasSize(1);
        sim.place("demo-li"); // taken off and put back
        await("second read", () -> reads.size() == 2);
    }

    @Test
    void invalidCardsAreRejectedNotPublished() throws Exception {
        startOnline(new SimulatedIdCardReader(SimulatedCard.load(TEST_CARDS)));
        ListAppender<ILoggingEvent> log = captureLog();
        driver.setReadingEnabled(true);
        sim.place("bad-check");
        await("rejection", () -> driver.statistics().cardsRejected() == 1);
        awaitPolls(SamCommand.FIND_CARD, 5);
        assertThat(reads).isEmpty();
        assertThat(driver.statistics().cardsRejected()).isEqualTo(1);
        IdCardRejection rejection = driver.statistics().lastRejection().orElseThrow().rejection();
        assertThat(rejection.reason()).isEqualTo(IdCardRejection.Reason.INVALID_ID_NUMBER);
        assertThat(rejections).as("the citizen's screen hears of it").singleElement()
                .satisfies(r -> assertThat(r.rejection()).isEqualTo(rejection));
        assertThat(rejection.maskedIdNumber()).isEqualTo("330***********0013");
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.ONLINE);

        sim.remove();
        await("removal noticed", () -> !driver.statistics().cardOnReader());
        sim.place("bad-birth");
        await("second rejection", () -> driver.statistics().cardsRejected() == 2);
        assertThat(driver.statistics().lastRejection().orElseThrow().rejection().reason())
                .isEqualTo(IdCardRejection.Reason.ID_NUMBER_MISMATCH);
        sim.remove();
        await("removal noticed", () -> !driver.statistics().cardOnReader());
        sim.place("good");
        await("good card read", () -> reads.size() == 1);
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("330***********0013"));
        for (ILoggingEvent e : log.list) {
            assertThat(e.getFormattedMessage()).doesNotContain("330102199001010013", "330102199001010012",
                    "330102199001010020", "测试乙", "测试甲");
        }
    }

    @Test
    void readsNothingWhileReadingIsDisabled() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        sim.place("demo-zhang");
        awaitPolls(SamCommand.SAM_STATUS, 5);
        assertThat(sim.received(SamCommand.FIND_CARD)).isZero();
        assertThat(reads).isEmpty();
        driver.setReadingEnabled(true);
        await("read once enabled", () -> reads.size() == 1);
    }

    @Test
    void aScreenThatAsksAgainGetsTheCardOnTheReaderAgain() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.setReadingEnabled(true);
        sim.place("demo-wang");
        await("first read", () -> reads.size() == 1);
        driver.setReadingEnabled(false);
        driver.setReadingEnabled(true);
        await("read again for the new request", () -> reads.size() == 2);
        awaitPolls(SamCommand.FIND_CARD, 5);
        assertThat(reads).hasSize(2);
    }

    @Test
    void aCardLeftOnTheReaderWhenTheSessionEndsIsNotReadForTheNextCitizen() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.setReadingEnabled(true);
        sim.place("demo-wang");
        await("the first citizen's read", () -> reads.size() == 1);
        driver.setReadingEnabled(false);
        driver.requireNewPlacement(); // the session ended; the card still lies there

        driver.setReadingEnabled(true); // the next citizen's identify screen
        awaitPolls(SamCommand.FIND_CARD, 5);
        assertThat(reads).as("the forgotten card is not read into the next session").hasSize(1);
        assertThat(sim.received(SamCommand.READ_TEXT_PHOTO)).isEqualTo(1);
        assertThat(driver.waitsForCardTakenOff()).isTrue();

        sim.remove();
        await("the reader is clear", () -> !driver.waitsForCardTakenOff());
        sim.place("demo-zhang");
        await("the next citizen's own card is read", () -> reads.size() == 2);
        assertThat(reads.get(1).card().name()).isEqualTo("张伟");
    }

    @Test
    void aForgottenCardTakenOffWhileNoScreenReadsIsNoticedAndTheNextPlacementIsRead() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.setReadingEnabled(true);
        sim.place("demo-wang");
        await("the first citizen's read", () -> reads.size() == 1);
        driver.setReadingEnabled(false);
        driver.requireNewPlacement();
        awaitPolls(SamCommand.FIND_CARD, 2); // it keeps looking, without reading, while no screen asks
        sim.remove();
        await("the reader is clear", () -> !driver.waitsForCardTakenOff());
        sim.place("demo-wang"); // the same card, brought back by its owner for a new session
        driver.setReadingEnabled(true);
        await("read as a new placement", () -> reads.size() == 2);
    }

    @Test
    void anEmptyReaderIsClearAtOnce() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.requireNewPlacement();
        await("the reader is clear", () -> !driver.waitsForCardTakenOff());
        driver.setReadingEnabled(true);
        sim.place("demo-zhang");
        await("read", () -> reads.size() == 1);
    }

    @Test
    void samErrorAtConnectGoesOfflineWithSamError() throws Exception {
        SimulatedIdCardReader reader = SimulatedIdCardReader.withDemoCards();
        reader.inject(SimulatedIdCardReader.SAM_ERROR);
        start(reader);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.SAM_ERROR);
        assertThat(driver.lastFailure()).hasValueSatisfying(e -> assertThat(e.getMessage()).contains("0x60"));
        reader.clear(SimulatedIdCardReader.SAM_ERROR);
        driver.reconnect();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @Test
    void samErrorWhileIdleOrReadingGoesOffline() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        sim.inject(SimulatedIdCardReader.SAM_ERROR);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.SAM_ERROR);
        sim.clear(SimulatedIdCardReader.SAM_ERROR);
        driver.reconnect();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        driver.setReadingEnabled(true);
        awaitPolls(SamCommand.FIND_CARD, 1);
        sim.inject(SimulatedIdCardReader.SAM_ERROR);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.SAM_ERROR);
    }

    @Test
    void silenceGoesOfflineByResponseTimeoutAndRecovers() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        sim.inject("silence");
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.NO_DATA_TIMEOUT);
        assertThat(driver.statistics().responseTimeouts()).isGreaterThanOrEqualTo(2);
        sim.clear("silence");
        driver.reconnect();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @Test
    void reportedSilenceGoesOffline() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.reportSilence();
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(driver.status().detail()).isEqualTo(DeviceStatusDetail.NO_DATA_TIMEOUT);
        driver.reconnect();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @Test
    void badChecksumsAreCountedAndTheDriverRecovers() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        sim.inject(SimulatedIdCardReader.BAD_CHECKSUM);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.COMMUNICATION_ERROR);
        assertThat(driver.statistics().frameErrors()).isGreaterThanOrEqualTo(2);
        sim.clear(SimulatedIdCardReader.BAD_CHECKSUM);
        driver.reconnect();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        driver.setReadingEnabled(true);
        sim.place("demo-zhang");
        await("read after recovery", () -> reads.size() == 1);
    }

    @Test
    void oneCutOrGarbledAnswerIsRetriedWithoutGoingOffline() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        driver.setReadingEnabled(true);
        sim.inject("truncate");
        await("a timeout on the cut answer", () -> driver.statistics().responseTimeouts() >= 1);
        // Two faults in a row are a broken link (OFFLINE, by design); wait until a clean exchange came between them,
        // which on a loaded machine can take longer than one poll.
        awaitPolls(SamCommand.FIND_CARD, 2);
        sim.inject("garbage");
        await("the garbage answer", () -> !sim.isActive("garbage"));
        sim.place("demo-zhang");
        await("read", () -> reads.size() == 1);
        assertThat(changes).noneSatisfy(c -> assertThat(c.newStatus().status()).isEqualTo(DeviceStatus.OFFLINE));
    }

    @Test
    void cardsTheSamRejectsAreCountedAndRepeatedFailuresDegradeTheReader() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        sim.inject(SimulatedIdCardReader.CARD_AUTH_FAILED);
        driver.setReadingEnabled(true);
        for (int i = 1; i <= IdCardReaderDriver.FAILED_PLACEMENTS_FOR_DEGRADED; i++) {
            int expected = i;
            sim.place("demo-zhang");
            await("rejection " + i, () -> driver.statistics().cardsRejected() == expected);
            sim.remove();
            await("removal noticed", () -> !driver.statistics().cardOnReader());
        }
        assertThat(driver.statistics().lastRejection().orElseThrow().rejection().reason())
                .isEqualTo(IdCardRejection.Reason.CARD_AUTHENTICATION_FAILED);
        awaitStatus(DeviceStatus.DEGRADED, DeviceStatusDetail.CARD_READ_ERROR);
        assertThat(reads).isEmpty();
        sim.clear(SimulatedIdCardReader.CARD_AUTH_FAILED);
        sim.place("demo-zhang");
        await("read", () -> reads.size() == 1);
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @Test
    void unpluggingGoesOffline() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        sim.inject("unplug");
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.DISCONNECTED);
    }

    @Test
    void successfulReadsAreLoggedMasked() throws Exception {
        startOnline(SimulatedIdCardReader.withDemoCards());
        ListAppender<ILoggingEvent> log = captureLog();
        driver.setReadingEnabled(true);
        sim.place("demo-li");
        await("read", () -> reads.size() == 1);
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("310***********2464"));
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("310104199203152464").doesNotContain("李秀英"));
        assertThat(reads.get(0).toString()).doesNotContain("310104199203152464");
    }

    /** Issue 19: a nation code outside the table is read (as unknown, with its code) and logged masked. */
    @Test
    void aCardWithANationCodeOutsideTheTableIsReadAsUnknownAndLoggedMasked() throws Exception {
        startOnline(new SimulatedIdCardReader(SimulatedCard.load(TEST_CARDS)));
        ListAppender<ILoggingEvent> log = captureLog();
        driver.setReadingEnabled(true);
        sim.place("unknown-nation");
        await("read", () -> reads.size() == 1);

        IdCardData card = reads.get(0).card();
        assertThat(card.nation()).isEqualTo("未知民族（代码 99）");
        assertThat(card.name()).isEqualTo("测试丁");
        assertThat(rejections).isEmpty();
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("nation code 99")
                .contains("330***********0020"));
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("330102199001010020").doesNotContain("测试丁"));
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(IdCardReaderDriver.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
