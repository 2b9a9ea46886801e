package org.govkiosk.device.internal.driver.smartcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.sim.smartcard.EmulatedPsam;
import org.govkiosk.device.internal.sim.smartcard.EmulatedSocialSecurityCard;
import org.govkiosk.device.internal.sim.smartcard.VpcdCardEmulator;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a social security card by the national layout read through the real OS stack, pcscd with vpcd's two
 * virtual readers: the card in the first, a PSAM in the second (as a reader's SAM slot shows in PC/SC). The driver
 * selects the application, has the PSAM answer the card's challenge, and reads 社会保障号码 and the holder's data.
 */
class NationalSocialSecurityCardPcscTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CARD_READER = "Virtual PCD 00 00";
    private static final String PSAM_READER = "Virtual PCD 00 01";

    @TempDir
    static Path dir;
    private static PcscdProcess pcscd;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private SmartCardReaderDriver driver;
    private VpcdCardEmulator card;
    private VpcdCardEmulator psam;

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
                Await.until("the card is out of the reader", WAIT, () -> events.stream()
                        .filter(e -> e instanceof DeviceEvent.SmartCardInserted
                                || e instanceof DeviceEvent.SmartCardRemoved)
                        .reduce((a, b) -> b).orElse(null) instanceof DeviceEvent.SmartCardRemoved);
            }
        }
        if (psam != null) {
            psam.close();
        }
        if (driver != null) {
            driver.close();
        }
        scheduler.shutdownNow();
    }

    private void startDriver(Map<String, String> options) {
        DeviceConfig config = new DeviceConfig("sscard-it", DeviceFamily.SMART_CARD_READER, null,
                SmartCardReaderDriverFactoryTest.system(CARD_READER), true, null, null, options);
        bus.onEvent(events::add);
        driver = (SmartCardReaderDriver) new SmartCardReaderDriverFactory().create(config, null,
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        driver.start();
        Await.until("reader online", WAIT, () -> driver.status().status() == DeviceStatus.ONLINE,
                () -> driver.status() + " " + driver.lastFailure() + "\npcscd log: " + pcscd.log());
    }

    private ApduProfile national() {
        return ApduProfiles.loadOne(ApduProfiles.SOCIAL_SECURITY_NATIONAL);
    }

    @Test
    void aCardThatWantsAPsamIsReadThroughPcscdWithThePsamInTheSecondSlot() throws Exception {
        EmulatedPsam samCard = new EmulatedPsam(NationalProfileReaderTest.KEY);
        psam = new VpcdCardEmulator("127.0.0.1", pcscd.vpcdPort() + 1, samCard);
        psam.insert();
        startDriver(Map.of(SmartCardReaderDriverFactory.PSAM_READER, PSAM_READER));
        Await.until("the PSAM in its slot", WAIT, psam::isConnected);

        card = new VpcdCardEmulator("127.0.0.1", pcscd.vpcdPort(), EmulatedSocialSecurityCard.of(national(),
                NationalProfileReaderTest.HOLDER, NationalProfileReaderTest.KEY, true));
        card.insert();

        Await.until("the card read on insertion", WAIT, () -> events.stream()
                .anyMatch(DeviceEvent.SmartCardRead.class::isInstance), () -> events + " " + driver.lastFailure());
        DeviceEvent.SmartCardRead read = (DeviceEvent.SmartCardRead) events.stream()
                .filter(DeviceEvent.SmartCardRead.class::isInstance).findFirst().orElseThrow();
        Map<String, String> expected = new HashMap<>(NationalProfileReaderTest.HOLDER);
        expected.put("issuing-region", "330100");
        assertThat(read.fields()).isEqualTo(expected);
        assertThat(read.profileName()).isEqualTo("social-security-national");
        assertThat(read.toString()).doesNotContain("11010519491231002X");
        assertThat(samCard.encrypted()).as("the PSAM answered the card's challenge").isGreaterThanOrEqualTo(1);

        SmartCardData again = driver.readProfile().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(again.field("id-number")).contains("11010519491231002X");
    }

    @Test
    void withoutThePsamReaderTheCardIsRefusedSayingWhatIsMissing() throws Exception {
        startDriver(Map.of());
        card = new VpcdCardEmulator("127.0.0.1", pcscd.vpcdPort(), EmulatedSocialSecurityCard.of(national(),
                NationalProfileReaderTest.HOLDER, NationalProfileReaderTest.KEY, true));
        card.insert();
        Await.until("the card inserted", WAIT, () -> events.stream()
                .anyMatch(DeviceEvent.SmartCardInserted.class::isInstance), () -> events);

        assertThat(driver.readProfile()).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .withMessageContaining("6982").withMessageContaining("options.psam-reader");
        assertThat(events).noneMatch(DeviceEvent.SmartCardRead.class::isInstance);
        assertThat(driver.status().status()).as("a card it cannot read does not take the reader down")
                .isEqualTo(DeviceStatus.ONLINE);
    }
}
