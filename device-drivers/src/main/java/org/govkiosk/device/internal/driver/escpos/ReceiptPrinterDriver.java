package org.govkiosk.device.internal.driver.escpos;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.codec.escpos.ModelStreamFilter;
import org.govkiosk.device.internal.codec.escpos.PrinterStatus;
import org.govkiosk.device.driver.AbstractDeviceDriver;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.transport.SerialFrame;
import org.govkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on serial, TCP or USB. It reads the {@code DLE EOT} status bytes its model answers
 * ({@code status-queries}) when it connects, every poll period between jobs (so a technician's new roll shows
 * without a job), and before and after each job; the wait for the status after a job on a serial line includes
 * the job's time on the line at the configured baud rate. A job completes only if the status after it is clean
 * (near end is clean but DEGRADED); otherwise it fails with the reason, retryable. Each job is adapted to the
 * model first ({@link ModelStreamFilter}: encoding, {@code FS &}, QR). Status reads and jobs run one at a time
 * through one queue of futures, so no scheduler thread ever blocks waiting for the printer.
 *
 * <p>Limitation: {@code DLE EOT} is answered in real time, so on a printer with a large receive buffer the
 * answer after a job can precede the end of printing.
 */
public final class ReceiptPrinterDriver extends AbstractDeviceDriver implements ReceiptPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinterDriver.class);

    private final ReceiptPrinterSettings settings;
    private final StatusExchange exchange;
    private final ModelStreamFilter filter;
    private final Object queueLock = new Object();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    /** Changes on every connect and every loss, so work begun on an old link cannot touch a new one. */
    private final AtomicLong link = new AtomicLong();
    private ScheduledFuture<?> poller;

    /** @throws IllegalArgumentException when the config's options are invalid (the factory validates first) */
    public ReceiptPrinterDriver(DeviceConfig config, Transport transport, DeviceContext context) {
        this(config, transport, context, ReceiptPrinterSettings.require(config));
    }

    ReceiptPrinterDriver(DeviceConfig config, Transport transport, DeviceContext context,
            ReceiptPrinterSettings settings) {
        super(config, transport, context);
        this.settings = settings;
        this.filter = new ModelStreamFilter(settings.text());
        this.exchange = new StatusExchange(config.id(), transport, settings.bitMap(), settings.responseTimeout(),
                context.scheduler());
    }

    @Override
    protected void onConnected() {
        long current = link.incrementAndGet();
        startPolling();
        enqueue(() -> refresh(current));
    }

    @Override
    protected void onBytes(byte[] data) {
        exchange.onBytes(data);
    }

    @Override
    protected void onLinkLost() {
        link.incrementAndGet();
        exchange.reset(new DeviceException(DeviceException.Code.DISCONNECTED, DeviceStatusDetail.DISCONNECTED,
                "the link to the printer was closed"));
    }

    @Override
    public CompletableFuture<PrintOutcome> print(PrintJob job) {
        CompletableFuture<PrintOutcome> outcome;
        if (job.format() != PrintJob.Format.ESC_POS) {
            // A PDF routed to a receipt printer is a wiring mistake, not a printer problem: no retry helps.
            outcome = CompletableFuture.completedFuture(failed(job, DeviceStatusDetail.CONFIGURATION_ERROR, false));
        } else {
            outcome = enqueue(() -> runJob(job)).exceptionally(e -> failedBy(job, e));
        }
        return outcome.thenApply(o -> {
            publish((DeviceEvent) o);
            return o;
        });
    }

    private CompletableFuture<PrintOutcome> runJob(PrintJob job) {
        long current = link.get();
        if (isClosed() || !transport.isOpen()) {
            return CompletableFuture.completedFuture(failed(job, unavailableReason(), true));
        }
        return refresh(current).thenComposeAsync(before -> {
            DeviceStatusInfo info = PrinterStatusMapping.toStatusInfo(before);
            if (!info.isUsable()) {
                return CompletableFuture.completedFuture(failed(job, info.detail(), true));
            }
            byte[] data = forModel(job);
            return send(data, 0, current)
                    .thenCompose(v -> refresh(current, lineBacklog(data.length)))
                    .thenApply(after -> finished(job, data.length, PrinterStatusMapping.toStatusInfo(after)));
        }, context.scheduler()).exceptionally(e -> failedBy(job, e));
    }

    /**
     * The job as this model prints it (character set, FS &amp;, QR). Characters the model cannot print are counted
     * in the log, once per job, never named: they are often in a citizen's name or address.
     */
    private byte[] forModel(PrintJob job) {
        ModelStreamFilter.Result r = filter.apply(job.data());
        if (r.replaced() > 0) {
            LOG.warn("Printer {} job {}: {} character(s) not in the model's {} printed as '{}'", id(), job.jobId(),
                    r.replaced(), settings.text().charset().name(), settings.text().replacement());
        }
        return r.bytes();
    }

    private PrintOutcome finished(PrintJob job, int bytes, DeviceStatusInfo after) {
        if (!after.isUsable()) {
            return failed(job, after.detail(), true);
        }
        LOG.info("Printer {} printed job {} ({} bytes)", id(), job.jobId(), bytes);
        return new DeviceEvent.PrintCompleted(id(), context.clock().instant(), job.jobId());
    }

    /** Writes the job chunk by chunk, each chunk a task of its own so a long job does not hold a thread. */
    private CompletableFuture<Void> send(byte[] data, int from, long expectedLink) {
        if (expectedLink != link.get()) {
            return CompletableFuture.failedFuture(linkGone());
        }
        int to = Math.min(data.length, from + settings.chunkSize());
        try {
            if (to > from) {
                transport.write(Arrays.copyOfRange(data, from, to));
                // The port took the bytes (with flow control: the printer did); a long job is not silence.
                signOfLife();
            }
        } catch (DeviceException e) {
            if (expectedLink == link.get()) {
                fail(e);
            }
            return CompletableFuture.failedFuture(e);
        }
        if (to >= data.length) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> send(data, to, expectedLink), context.scheduler())
                .thenCompose(f -> f);
    }

    /**
     * How long the bytes of a job just written may still hold a serial line: the OS takes them at once, the line
     * carries them at the baud rate, and the status request goes out behind them. Zero off serial lines (TCP and
     * the in-process simulator have no line speed worth waiting for), plus the configured margin on them.
     */
    Duration lineBacklog(int jobBytes) {
        int baud = config.transport().kind() == TransportConfig.Kind.SERIAL ? config.transport().baudRate() : 0;
        if (baud <= 0) {
            return Duration.ZERO;
        }
        return SerialFrame.EIGHT_N_ONE.transmitTime(jobBytes, baud).plus(settings.statusWaitMargin());
    }

    private CompletableFuture<PrinterStatus> refresh(long expectedLink) {
        return refresh(expectedLink, Duration.ZERO);
    }

    /** Reads the status and shows it; a printer that does not answer takes the link down (the supervisor retries). */
    private CompletableFuture<PrinterStatus> refresh(long expectedLink, Duration lineBacklog) {
        if (expectedLink != link.get() || !transport.isOpen()) {
            return CompletableFuture.failedFuture(linkGone());
        }
        if (settings.statusQueries().isEmpty()) {
            // A printer that answers nothing (status-queries: none): an open port is all there is to hear.
            signOfLife();
        }
        return exchange.queryAll(settings.statusQueries(), lineBacklog).whenComplete((status, error) -> {
            if (expectedLink != link.get()) {
                return;
            }
            if (error == null) {
                setStatus(PrinterStatusMapping.toStatusInfo(status));
            } else if (unwrap(error) instanceof DeviceException e) {
                fail(e);
            } else {
                fail(new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.PROTOCOL_ERROR,
                        "status exchange failed", unwrap(error)));
            }
        });
    }

    private void startPolling() {
        synchronized (queueLock) {
            if (poller == null && !isClosed()) {
                long ms = settings.pollInterval(config).toMillis();
                poller = context.scheduler().scheduleWithFixedDelay(this::pollOnce, ms, ms, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void pollOnce() {
        try {
            if (isClosed() || !transport.isOpen() || !pollQueued.compareAndSet(false, true)) {
                return; // one poll in the queue is enough; a long job must not pile them up
            }
            long current = link.get();
            enqueue(() -> refresh(current)).whenComplete((s, e) -> pollQueued.set(false));
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task for good.
            pollQueued.set(false);
            LOG.error("Printer {} status poll failed", id(), e);
        }
    }

    /** Runs {@code task} after everything queued before it has finished, successfully or not. */
    private <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> task) {
        synchronized (queueLock) {
            CompletableFuture<T> next = tail.handle((r, e) -> null)
                    .thenComposeAsync(ignored -> task.get(), context.scheduler());
            tail = next;
            return next;
        }
    }

    private DeviceStatusDetail unavailableReason() {
        DeviceStatusInfo s = status();
        return s.status() == DeviceStatus.OFFLINE && s.detail() != DeviceStatusDetail.NONE
                ? s.detail() : DeviceStatusDetail.DISCONNECTED;
    }

    private PrintOutcome failedBy(PrintJob job, Throwable error) {
        Throwable cause = unwrap(error);
        DeviceStatusDetail reason = cause instanceof DeviceException e ? e.detail()
                : DeviceStatusDetail.COMMUNICATION_ERROR;
        if (!(cause instanceof DeviceException)) {
            LOG.error("Printer {} job {} failed unexpectedly", id(), job.jobId(), cause);
        }
        return failed(job, reason, true);
    }

    private DeviceEvent.PrintFailed failed(PrintJob job, DeviceStatusDetail reason, boolean retryable) {
        LOG.warn("Printer {} did not print job {}: {}{}", id(), job.jobId(), reason, retryable ? " (retryable)" : "");
        return new DeviceEvent.PrintFailed(id(), context.clock().instant(), job.jobId(), reason, retryable);
    }

    private static DeviceException linkGone() {
        return new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.DISCONNECTED,
                "the printer's link was lost");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    protected void onClose() {
        super.onClose(); // the link first; startPolling sees the driver closed already
        synchronized (queueLock) {
            if (poller != null) {
                poller.cancel(false);
                poller = null;
            }
        }
    }
}
