package org.govkiosk.device.internal.driver.smartcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
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
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.sim.smartcard.EmulatedCard;
import org.govkiosk.device.internal.sim.smartcard.VpcdCardEmulator;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver through the real OS stack: our pcscd (with the vsmartcard vpcd reader driver), our card emulator
 * connected to vpcd, javax.smartcardio. Skipped, saying why, where pcscd or vpcd is not installed.
 */
class SmartCardPcscIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** vpcd's first virtual reader, served on {@link PcscdProcess#vpcdPort()}. */
    private static final String READER = "Virtual PCD 00 00";

    @TempDir
    static Path dir;
    private static PcscdProcess pcscd;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final List<SmartCardData> autoReads = new CopyOnWriteArrayList<>();
    private SmartCardReaderDriver driver;
    private VpcdCardEmulator card;

    @BeforeAll
    static void startPcscd() throws Exception {
        pcscd = PcscdProcess.startOrReuse(dir.resolve("pcscd.log"));
    }

    @AfterAll
    static void stopPcscd() throws Exception {
        if (pcscd != null) {
            pcscd.close();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (card != null) {
            boolean wasIn = card.isConnected();
            card.close();
            if (wasIn && driver != null && driver.status().status() == DeviceStatus.ONLINE) {
                // vpcd lets go of a card a moment after it closed: the next test must not find this one inserted.
                Await.until("the card is out of the reader", WAIT, () -> events.stream()
                        .filter(e -> e instanceof DeviceEvent.SmartCardInserted
                                || e instanceof DeviceEvent.SmartCardRemoved)
                        .reduce((a, b) -> b).orElse(null) instanceof DeviceEvent.SmartCardRemoved);
            }
        }
        if (driver != null) {
            driver.close();
        }
        scheduler.shutdownNow();
    }

    private void startDriver(String reader) {
        DeviceConfig config = new DeviceConfig("sc-it", DeviceFamily.SMART_CARD_READER, null,
                SmartCardReaderDriverFactoryTest.system(reader), true, null, null, Map.of());
        bus.onEvent(events::add);
        driver = (SmartCardReaderDriver) new SmartCardReaderDriverFactory().create(config, null,
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        driver.onProfileRead(autoReads::add);
        driver.start();
    }

    private void startCard() {
        ApduProfile demo = ApduProfiles.load(null).get(0);
        card = new VpcdCardEmulator("127.0.0.1", pcscd.vpcdPort(),
                EmulatedCard.of(demo, ProfileReaderTest.DEMO_ATR, ProfileReaderTest.HOLDER));
    }

    private long count(Class<? extends DeviceEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private void awaitStatus(DeviceStatus status, DeviceStatusDetail detail) {
        Await.until("status " + status + " " + detail, WAIT,
                () -> driver.status().status() == status && driver.status().detail() == detail,
                () -> driver.status() + " lastFailure=" + driver.lastFailure() + "\npcscd log: " + pcscd.log());
    }

    private void awaitEvents(Class<? extends DeviceEvent> type, long n) {
        Await.until(n + " x " + type.getSimpleName(), WAIT, () -> count(type) >= n,
                () -> events + " status=" + driver.status() + " emulator connected=" + card.isConnected());
    }

    private void assertReadsTheHolder() throws Exception {
        SmartCardData data = driver.readProfile().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(data.fields()).isEqualTo(ProfileReaderTest.HOLDER);
        assertThat(data.readerName()).isEqualTo(READER);
        assertThat(data.profileName()).isEqualTo("social-security-demo");
    }

    @Test
    void seesInsertReadsTheProfileAndSeesRemoval() throws Exception {
        startDriver(READER);
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        startCard();

        card.insert();
        awaitEvents(DeviceEvent.SmartCardInserted.class, 1);
        DeviceEvent.SmartCardInserted inserted = (DeviceEvent.SmartCardInserted) events.stream()
                .filter(DeviceEvent.SmartCardInserted.class::isInstance).findFirst().orElseThrow();
        assertThat(inserted.readerName()).isEqualTo(READER);
        assertThat(inserted.atrHex()).isEqualTo(Hex.of(ProfileReaderTest.DEMO_ATR));
        Await.until("the profile read on insertion", WAIT, () -> !autoReads.isEmpty());
        assertThat(autoReads.get(0).fields()).isEqualTo(ProfileReaderTest.HOLDER);
        awaitEvents(DeviceEvent.SmartCardRead.class, 1);
        DeviceEvent.SmartCardRead read = (DeviceEvent.SmartCardRead) events.stream()
                .filter(DeviceEvent.SmartCardRead.class::isInstance).findFirst().orElseThrow();
        assertThat(read.fields()).isEqualTo(ProfileReaderTest.HOLDER);
        assertThat(read.profileName()).isEqualTo("social-security-demo");
        assertThat(read.toString()).doesNotContain(ProfileReaderTest.HOLDER.get("name"));
        assertReadsTheHolder();
        byte[] unknownFile = driver.transmit(Hex.parse("00A40000021234")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Hex.of(unknownFile)).isEqualTo("6A82");

        card.remove();
        awaitEvents(DeviceEvent.SmartCardRemoved.class, 1);
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.ONLINE);
        assertThat(driver.readProfile()).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .withMessageContaining("no card in the reader");

        card.insert();
        awaitEvents(DeviceEvent.SmartCardInserted.class, 2);
        assertReadsTheHolder();
    }

    @Test
    void recoversAfterPcscdRestarts() throws Exception {
        Assumptions.assumeTrue(pcscd.owned(), "a pcscd not started by this test runs; it is not ours to restart");
        startDriver("");
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        startCard();
        card.insert();
        // Our card answered the read on insertion. (An "inserted" alone may still be the previous test's card,
        // which vpcd lets go of a moment after it closed; CI once restarted pcscd before ours was in.)
        Await.until("the card emulator answered", WAIT, () -> card.apdusAnswered() > 0);
        int connectionsBefore = card.connections();
        long insertedBefore = count(DeviceEvent.SmartCardInserted.class);
        long removedBefore = count(DeviceEvent.SmartCardRemoved.class);

        pcscd.stop();
        awaitEvents(DeviceEvent.SmartCardRemoved.class, removedBefore + 1);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.NO_READER);
        assertThat(driver.lastFailure()).hasValueSatisfying(f -> assertThat(f.isFatal()).isFalse());

        pcscd.start();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        awaitEvents(DeviceEvent.SmartCardInserted.class, insertedBefore + 1);
        assertReadsTheHolder();
        assertThat(card.connections()).as("the card reconnected to the new pcscd").isGreaterThan(connectionsBefore);
    }

    @Test
    void aMissingReaderIsTransientlyOffline() {
        startDriver("No Such Reader 00 00");
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.NO_READER);
        assertThat(driver.lastFailure()).hasValueSatisfying(f -> {
            assertThat(f.isFatal()).isFalse();
            assertThat(f.getMessage()).contains("No Such Reader 00 00", READER);
        });
    }
}
