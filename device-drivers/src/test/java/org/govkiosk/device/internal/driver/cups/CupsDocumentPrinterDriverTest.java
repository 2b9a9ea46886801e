package org.govkiosk.device.internal.driver.cups;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against a fake CUPS: job tracking, cancelling stuck jobs, and status from the queue's reasons. */
class CupsDocumentPrinterDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] PDF = "%PDF-1.7 test".getBytes();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final FakeCupsClient cups = new FakeCupsClient();
    private CupsDocumentPrinterDriver driver;

    @BeforeEach
    void start() {
        bus.onEvent(events::add);
        driver = driver(Map.of("job-timeout", "5"));
        driver.start();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    private CupsDocumentPrinterDriver driver(Map<String, String> options) {
        DeviceConfig config = new DeviceConfig("a4-1", DeviceFamily.DOCUMENT_PRINTER, null,
                new TransportConfig(TransportConfig.Kind.SYSTEM, "hall-a4", 0, null, 0), true,
                Duration.ofMillis(20), null, options);
        return CupsDocumentPrinterDriver.withClient(config, new DeviceContext(scheduler, bus, Clock.systemUTC()), cups);
    }

    @AfterEach
    void stop() {
        driver.close();
        scheduler.shutdownNow();
    }

    @Test
    void aJobCompletesWhenCupsSaysSoAndTheOutcomeIsPublished() throws Exception {
        cups.jobGoes(3, 5, 5, 9);

        PrintOutcome outcome = print("D-1");

        assertThat(outcome).isInstanceOfSatisfying(DeviceEvent.PrintCompleted.class,
                c -> assertThat(c.jobId()).isEqualTo("D-1"));
        assertThat(cups.submitted).hasSize(1);
        assertThat(cups.submitted.get(0)).isEqualTo(PDF);
        Await.until("the outcome is published", WAIT, () -> events.contains((DeviceEvent) outcome));
    }

    /**
     * Issue 14, attack 6: CUPS keeps a job's document and its history (job name, user) for a day by default. Once a
     * job has ended, printed or not, the driver asks CUPS to purge it, files and history.
     */
    @Test
    void aJobThatEndedIsPurgedFromCups() throws Exception {
        cups.jobGoes(5, 9);
        assertThat(print("D-1")).isInstanceOf(DeviceEvent.PrintCompleted.class);
        cups.jobGoes(5, 8);
        assertThat(print("D-2")).isInstanceOf(DeviceEvent.PrintFailed.class);
        Await.until("both jobs purged", WAIT, () -> cups.purged.size() == 2, () -> cups.purged);
        assertThat(cups.purged).containsExactly(1, 2);
    }

    @Test
    void anAbortedJobFailsRetryably() throws Exception {
        cups.jobGoes(5, 8);
        assertThat(print("D-2")).isInstanceOfSatisfying(DeviceEvent.PrintFailed.class, f -> {
            assertThat(f.reason()).isEqualTo(DeviceStatusDetail.COMMUNICATION_ERROR);
            assertThat(f.retryable()).isTrue();
        });
    }

    @Test
    void paperRunningOutDuringAJobCancelsItAndFailsWithPaperOut() throws Exception {
        cups.jobGoes(5);
        var pending = driver.print(new PrintJob("D-3", PrintJob.Format.PDF, PDF));
        Await.until("the job is submitted", WAIT, () -> cups.submitted.size() == 1);

        cups.printer = new CupsPrinterState(CupsPrinterState.STOPPED, true, List.of("media-empty-error"));

        assertThat(pending.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(DeviceEvent.PrintFailed.class, f -> {
            assertThat(f.reason()).isEqualTo(DeviceStatusDetail.PAPER_OUT);
            assertThat(f.retryable()).isTrue();
        });
        assertThat(cups.canceled).containsExactly(1);
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.OFFLINE);

        cups.printer = new CupsPrinterState(CupsPrinterState.IDLE, true, List.of("none"));
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @Test
    void aJammedPrinterRefusesTheJobWithoutSubmittingIt() throws Exception {
        cups.printer = new CupsPrinterState(CupsPrinterState.STOPPED, true, List.of("media-jam-error"));
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.PAPER_JAM);

        assertThat(print("D-4")).isInstanceOfSatisfying(DeviceEvent.PrintFailed.class,
                f -> assertThat(f.reason()).isEqualTo(DeviceStatusDetail.PAPER_JAM));
        assertThat(cups.submitted).isEmpty();
    }

    @Test
    void lowTonerIsDegradedButStillPrints() throws Exception {
        cups.printer = new CupsPrinterState(CupsPrinterState.IDLE, true, List.of("toner-low-warning"));
        awaitStatus(DeviceStatus.DEGRADED, DeviceStatusDetail.PAPER_NEAR_END);
        cups.jobGoes(9);
        assertThat(print("D-5")).isInstanceOf(DeviceEvent.PrintCompleted.class);
    }

    @Test
    void aHeldJobIsCancelledAndFails() throws Exception {
        cups.jobGoes(4);
        assertThat(print("D-6")).isInstanceOfSatisfying(DeviceEvent.PrintFailed.class,
                f -> assertThat(f.reason()).isEqualTo(DeviceStatusDetail.PRINTER_OFFLINE));
        assertThat(cups.canceled).containsExactly(1);
    }

    @Test
    void aJobThatNeverEndsTimesOutAndIsCancelled() throws Exception {
        cups.jobGoes(3);
        assertThat(driver.print(new PrintJob("D-7", PrintJob.Format.PDF, PDF)).get(20, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(DeviceEvent.PrintFailed.class,
                        f -> assertThat(f.reason()).isEqualTo(DeviceStatusDetail.NO_DATA_TIMEOUT));
        assertThat(cups.canceled).containsExactly(1);
    }

    @Test
    void cupsdGoingAwayTakesThePrinterOfflineAndFailsAJob() throws Exception {
        cups.down = FakeCupsClient.cupsdDown();
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.COMMUNICATION_ERROR);
        assertThat(driver.lastFailure()).hasValueSatisfying(e -> assertThat(e.isFatal()).isFalse());

        assertThat(print("D-8")).isInstanceOfSatisfying(DeviceEvent.PrintFailed.class, f -> {
            assertThat(f.reason()).isEqualTo(DeviceStatusDetail.COMMUNICATION_ERROR);
            assertThat(f.retryable()).isTrue();
        });

        cups.down = null;
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        assertThat(driver.lastFailure()).isEmpty();
    }

    @Test
    void escPosSentToTheA4PrinterIsAConfigurationErrorNotRetried() throws Exception {
        PrintOutcome o = driver.print(new PrintJob("D-9", PrintJob.Format.ESC_POS, new byte[] {27, 64}))
                .get(10, TimeUnit.SECONDS);
        assertThat(o).isInstanceOfSatisfying(DeviceEvent.PrintFailed.class, f -> {
            assertThat(f.reason()).isEqualTo(DeviceStatusDetail.CONFIGURATION_ERROR);
            assertThat(f.retryable()).isFalse();
        });
        assertThat(cups.submitted).isEmpty();
    }

    @Test
    void aDisabledDeviceNeverTalksToCups() {
        DeviceConfig config = new DeviceConfig("a4-2", DeviceFamily.DOCUMENT_PRINTER, null,
                new TransportConfig(TransportConfig.Kind.SYSTEM, "hall-a4", 0, null, 0), false, null, null, null);
        cups.down = FakeCupsClient.cupsdDown();
        CupsDocumentPrinterDriver off = CupsDocumentPrinterDriver.withClient(config,
                new DeviceContext(scheduler, bus, Clock.systemUTC()), cups);
        off.start();
        assertThat(off.status().status()).isEqualTo(DeviceStatus.DISABLED);
        off.close();
    }

    private PrintOutcome print(String id) throws Exception {
        return driver.print(new PrintJob(id, PrintJob.Format.PDF, PDF)).get(10, TimeUnit.SECONDS);
    }

    private void awaitStatus(DeviceStatus status, DeviceStatusDetail detail) {
        Await.until("status " + status + "/" + detail, WAIT,
                () -> driver.status().status() == status && driver.status().detail() == detail, driver::status);
    }
}
