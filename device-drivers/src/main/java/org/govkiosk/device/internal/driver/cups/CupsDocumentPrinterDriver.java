package org.govkiosk.device.internal.driver.cups;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.DocumentPrinter;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;
import org.govkiosk.device.driver.AbstractDevice;
import org.govkiosk.device.driver.DeviceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An A4 printer behind a CUPS queue. It polls the queue's {@code printer-state} and {@code printer-state-reasons}
 * every poll interval (see {@link CupsStatusMapping}), submits each PDF with IPP Print-Job and follows the job
 * with Get-Job-Attributes until it is completed, canceled or aborted. A job whose printer stops serving while the
 * job waits (paper out, jam, queue paused) is cancelled and fails with the printer's reason, retryable, so it does
 * not come out later for a citizen who has left; so does a job that outlives {@code job-timeout}.
 *
 * <p>Why IPP and not {@code javax.print}: the JDK's CUPS service spools through {@code lpr} and returns no CUPS
 * job id, so a job cannot be followed to its end; it reads the CUPS server once per JVM from the environment, so
 * it cannot be pointed at a given cupsd; and it does not expose {@code printer-state-reasons} such as
 * {@code media-jam}. IPP is what {@code lp} and {@code lpstat} speak themselves, with no process to start.
 *
 * <p>Calls to cupsd block a scheduler thread for at most {@code response-timeout}; a local cupsd answers in
 * milliseconds.
 */
public final class CupsDocumentPrinterDriver extends AbstractDevice implements DocumentPrinter {

    /** Counted: jobs cupsd printed to the end. */
    public static final String JOBS_PRINTED = "jobs-printed";
    /** Counted: jobs that did not print (refused, cancelled, aborted, stuck, timed out). */
    public static final String JOBS_FAILED = "jobs-failed";

    private static final Logger LOG = LoggerFactory.getLogger(CupsDocumentPrinterDriver.class);

    private final CupsSettings settings;
    private final CupsClient client;

    /** Set and cleared only in onStart and onClose, which the base runs under its lifecycle lock. */
    private ScheduledFuture<?> poller;

    /** @throws IllegalArgumentException when the config is invalid (the factory validates first) */
    public CupsDocumentPrinterDriver(DeviceConfig config, DeviceContext context) {
        this(config, context, CupsSettings.require(config), null);
    }

    CupsDocumentPrinterDriver(DeviceConfig config, DeviceContext context, CupsSettings settings, CupsClient client) {
        super(config, context);
        this.settings = settings;
        this.client = client != null ? client
                : new IppCupsClient(settings.server(), settings.responseTimeout(), System.getProperty("user.name"));
    }

    /** For tests: the driver with a given client. */
    static CupsDocumentPrinterDriver withClient(DeviceConfig config, DeviceContext context, CupsClient client) {
        return new CupsDocumentPrinterDriver(config, context, CupsSettings.require(config), client);
    }

    @Override
    protected void onStart() {
        long ms = Math.max(50, settings.pollInterval().toMillis());
        poller = context.scheduler().scheduleWithFixedDelay(this::poll, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** The queue is polled all the time, so a refilled tray shows without a job; a reconnect just polls now. */
    @Override
    protected void onReconnect() {
        context.scheduler().execute(this::poll);
    }

    private void poll() {
        try {
            if (!isClosed()) {
                refresh();
            }
        } catch (DeviceException e) {
            // already shown as the status
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task for good.
            LOG.error("Printer {} status poll failed", id(), e);
        }
    }

    /** Reads the queue's state and shows it; a failure takes the device OFFLINE with the failure's detail. */
    private DeviceStatusInfo refresh() throws DeviceException {
        try {
            CupsPrinterState state = client.printer(settings.queue());
            signOfLife();
            DeviceStatusInfo info = CupsStatusMapping.toStatusInfo(state);
            clearFailure();
            DeviceStatusInfo previous = status();
            setStatus(info);
            if (!info.equals(previous) && !info.isUsable()) {
                LOG.warn("Printer {} (queue {}) cannot print: {} {}", id(), settings.queue(), info.detail(),
                        CupsStatusMapping.significant(state.reasons()));
            }
            return info;
        } catch (DeviceException e) {
            fail(e);
            throw e;
        }
    }

    @Override
    public CompletableFuture<PrintOutcome> print(PrintJob job) {
        CompletableFuture<PrintOutcome> outcome = new CompletableFuture<>();
        if (job.format() != PrintJob.Format.PDF) {
            // ESC/POS routed to an A4 printer is a wiring mistake, not a printer problem: no retry helps.
            outcome.complete(failed(job, DeviceStatusDetail.CONFIGURATION_ERROR, false));
        } else {
            context.scheduler().execute(() -> guarded(job, outcome, () -> submit(job, outcome)));
        }
        return outcome.thenApply(o -> {
            count(o instanceof DeviceEvent.PrintCompleted ? JOBS_PRINTED : JOBS_FAILED);
            publish((DeviceEvent) o);
            return o;
        });
    }

    private void submit(PrintJob job, CompletableFuture<PrintOutcome> outcome) throws DeviceException {
        if (isClosed()) {
            outcome.complete(failed(job, DeviceStatusDetail.DISCONNECTED, true));
            return;
        }
        DeviceStatusInfo before = refresh();
        if (!before.isUsable()) {
            outcome.complete(failed(job, before.detail(), true));
            return;
        }
        int cupsJob = client.submit(settings.queue(), job.jobId(), job.data());
        signOfLife();
        LOG.info("Printer {} queued job {} as CUPS job {}-{}", id(), job.jobId(), settings.queue(), cupsJob);
        Instant deadline = context.clock().instant().plus(settings.jobTimeout());
        scheduleTrack(job, cupsJob, deadline, outcome);
    }

    private void scheduleTrack(PrintJob job, int cupsJob, Instant deadline, CompletableFuture<PrintOutcome> outcome) {
        long ms = Math.max(50, settings.pollInterval().toMillis());
        context.scheduler().schedule(() -> guarded(job, outcome, () -> track(job, cupsJob, deadline, outcome)),
                ms, TimeUnit.MILLISECONDS);
    }

    private void track(PrintJob job, int cupsJob, Instant deadline, CompletableFuture<PrintOutcome> outcome)
            throws DeviceException {
        CupsJobState js = client.job(settings.queue(), cupsJob);
        signOfLife();
        switch (js.state()) {
            case CupsJobState.COMPLETED -> {
                // CUPS completes a job when the printer has taken every page; its status is shown at once.
                refreshQuietly();
                LOG.info("Printer {} printed job {} (CUPS job {})", id(), job.jobId(), cupsJob);
                purgeQuietly(cupsJob);
                outcome.complete(new DeviceEvent.PrintCompleted(id(), context.clock().instant(), job.jobId()));
                return;
            }
            case CupsJobState.CANCELED, CupsJobState.ABORTED -> {
                DeviceStatusInfo now = refreshQuietly();
                LOG.warn("Printer {} CUPS job {} ended {} {}", id(), cupsJob,
                        js.state() == CupsJobState.CANCELED ? "canceled" : "aborted", js.reasons());
                purgeQuietly(cupsJob);
                outcome.complete(failed(job, now != null && !now.isUsable() ? now.detail()
                        : DeviceStatusDetail.COMMUNICATION_ERROR, true));
                return;
            }
            default -> {
                // pending, held, processing, processing-stopped: see below
            }
        }
        DeviceStatusInfo now = refresh();
        DeviceStatusDetail stuck = null;
        if (isClosed()) {
            stuck = DeviceStatusDetail.DISCONNECTED;
        } else if (!now.isUsable()) {
            stuck = now.detail();
        } else if (js.state() == CupsJobState.PENDING_HELD) {
            stuck = DeviceStatusDetail.PRINTER_OFFLINE;
        } else if (context.clock().instant().isAfter(deadline)) {
            stuck = DeviceStatusDetail.NO_DATA_TIMEOUT;
        }
        if (stuck == null) {
            scheduleTrack(job, cupsJob, deadline, outcome);
            return;
        }
        LOG.warn("Printer {} cancels CUPS job {} ({}): {} {}", id(), cupsJob, job.jobId(), stuck, js.reasons());
        try {
            client.cancel(settings.queue(), cupsJob);
        } catch (DeviceException e) {
            LOG.warn("Printer {} could not cancel CUPS job {}: {}", id(), cupsJob, e.getMessage());
        }
        purgeQuietly(cupsJob);
        outcome.complete(failed(job, stuck, true));
    }

    /**
     * A document for a citizen (a notice, a certificate) is not kept in CUPS once the job has ended: its spool file
     * and history go at once, whatever cupsd's PreserveJobFiles/PreserveJobHistory say. Best effort: a cupsd that
     * refuses still ages them out by its own settings (packaging/README.md).
     */
    private void purgeQuietly(int cupsJob) {
        try {
            client.purge(settings.queue(), cupsJob);
        } catch (DeviceException e) {
            LOG.warn("Printer {} could not purge CUPS job {} (its file stays in cupsd's spool until cupsd drops it):"
                    + " {}", id(), cupsJob, e.getMessage());
        }
    }

    private DeviceStatusInfo refreshQuietly() {
        try {
            return refresh();
        } catch (DeviceException e) {
            return null;
        }
    }

    private interface Step {
        void run() throws DeviceException;
    }

    /** Runs one step of a job; whatever escapes it fails the job, never the scheduler thread. */
    private void guarded(PrintJob job, CompletableFuture<PrintOutcome> outcome, Step step) {
        try {
            step.run();
        } catch (DeviceException e) {
            outcome.complete(failed(job, e.detail(), true));
        } catch (RuntimeException e) {
            LOG.error("Printer {} job {} failed unexpectedly", id(), job.jobId(), e);
            outcome.complete(failed(job, DeviceStatusDetail.COMMUNICATION_ERROR, true));
        }
    }

    private DeviceEvent.PrintFailed failed(PrintJob job, DeviceStatusDetail reason, boolean retryable) {
        LOG.warn("Printer {} did not print job {}: {}{}", id(), job.jobId(), reason, retryable ? " (retryable)" : "");
        return new DeviceEvent.PrintFailed(id(), context.clock().instant(), job.jobId(), reason, retryable);
    }

    @Override
    protected void onSilence() {
        fail(new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                "cupsd gave no answer for " + silenceTimeout().toMillis() + " ms"));
    }

    @Override
    protected void onClose() {
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
    }

    @Override
    protected String describe() {
        return "cups:" + settings.server() + "/" + settings.queue();
    }
}
