package org.govkiosk.device.internal.driver.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.govkiosk.device.CameraPreview;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.DocumentCamera;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.driver.AbstractDevice;
import org.govkiosk.device.driver.DeviceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera or document camera as a QR scanner: every code found in a frame reaches the kiosk as the same
 * {@link DeviceEvent.QrScanned} a serial engine sends (source {@code CAMERA}). As with the serial engine, codes
 * are read only while a screen has enabled reading, and once per presentation (see {@link RepeatFilter}).
 * ONLINE while the {@link FrameSource} can deliver; OFFLINE with its reason (folder missing, not writable)
 * while it cannot, and ONLINE again by itself once it can. The source checks in every interval, so a frame
 * thread stuck in a pathological picture shows as silence to the supervisor. Payloads are never logged.
 * <p>
 * With {@code options.documents: true} (a document camera, 高拍仪) it also photographs paper on request
 * ({@link #capture}): the next frame after the request is handed over as the page, not searched for codes.
 * <p>
 * A live source (a USB camera) delivers frames on its capture thread and hands them to its own delivering thread,
 * where they are decoded here; while the decoder is busy, a newer frame replaces the waiting one (counted as
 * dropped). Its frames also feed the live preview ({@link #watch}).
 */
public final class CameraQrScannerDriver extends AbstractDevice implements QrScanner, DocumentCamera, CameraPreview {

    /** Counted: pictures decoded while codes were wanted. */
    public static final String FRAMES_READ = "frames-read";
    /** Counted: of those, pictures in which no code was found. */
    public static final String FRAMES_WITHOUT_CODE = "frames-without-code";
    /** Counted: files set aside in {@code failed/}. */
    public static final String FRAMES_UNREADABLE = "frames-unreadable";
    /** Counted: codes handed to the kiosk (repeats within the de-bounce window not counted). */
    public static final String CODES_PUBLISHED = "codes-published";

    /** Counted (live sources): frames that came from the device, wanted or not. */
    public static final String FRAMES_CAPTURED = "frames-captured";
    /** Counted (live sources): wanted frames replaced by a newer one while the decoder was busy. */
    public static final String FRAMES_DROPPED = "frames-dropped";

    private static final Logger LOG = LoggerFactory.getLogger(CameraQrScannerDriver.class);

    private final FrameSource source;
    private final QrImageDecoder decoder;
    private final RepeatFilter repeats;
    private final PreviewWatchers previews = new PreviewWatchers();
    private volatile String lastUnreadable = "";
    private volatile boolean readingEnabled;
    private final boolean documents;
    /** The page a screen is waiting for; null when nobody is. */
    private final AtomicReference<CompletableFuture<Page>> capture = new AtomicReference<>();

    public CameraQrScannerDriver(DeviceConfig config, DeviceContext context, FrameSource source,
            QrImageDecoder decoder, Duration debounce) {
        this(config, context, source, decoder, debounce, false);
    }

    /** @param documents whether it photographs documents on request (see {@link #capture}) */
    public CameraQrScannerDriver(DeviceConfig config, DeviceContext context, FrameSource source,
            QrImageDecoder decoder, Duration debounce, boolean documents) {
        super(config, context);
        this.documents = documents;
        this.source = Objects.requireNonNull(source);
        this.decoder = Objects.requireNonNull(decoder);
        this.repeats = new RepeatFilter(debounce);
    }

    @Override
    protected void onStart() {
        source.start(new Sink());
    }

    /** The source's reports, on its thread. */
    private final class Sink implements FrameSink {

        @Override
        public void available() {
            clearFailure();
            signOfLife();
            setStatus(DeviceStatusInfo.online());
            LOG.info("Camera scanner {} reads frames from {}", id(), source.describe());
        }

        @Override
        public void unavailable(DeviceException cause) {
            fail(cause, DeviceStatusInfo.offline(cause.detail(), source.describe()));
            previews.stopped();
        }

        @Override
        public void checked() {
            signOfLife();
            // Silence was reported while the frame thread was busy or stuck; it works again.
            DeviceStatusInfo s = status();
            if (s.status() == DeviceStatus.OFFLINE && s.detail() == DeviceStatusDetail.NO_DATA_TIMEOUT) {
                clearFailure();
                setStatus(DeviceStatusInfo.online());
            }
        }

        @Override
        public boolean wantsFrames() {
            return readingEnabled || capture.get() != null;
        }

        @Override
        public void frame(Frame frame) {
            handle(frame);
        }

        @Override
        public boolean wantsPreview() {
            return previews.anyDue();
        }

        @Override
        public void preview(Frame frame) {
            previews.offer(frame);
        }

        @Override
        public void captured() {
            count(FRAMES_CAPTURED);
        }

        @Override
        public void dropped() {
            count(FRAMES_DROPPED);
        }

        @Override
        public void unreadable(String name, String reason) {
            count(FRAMES_UNREADABLE);
            lastUnreadable = name + ": " + reason;
            LOG.warn("Camera scanner {} set aside {}: {}", id(), name, reason);
        }
    }

    private void handle(Frame frame) {
        CompletableFuture<Page> waiting = capture.getAndSet(null);
        if (waiting != null && waiting.complete(new Page(frame.image(), frame.arrivedAt()))) {
            // A page of a document, not a code shown to the scanner: it is not searched for codes.
            LOG.info("Document camera {} took a page ({}x{})", id(), frame.image().getWidth(),
                    frame.image().getHeight());
            return;
        }
        if (!readingEnabled) {
            return; // the frame was wanted for a page whose request timed out meanwhile
        }
        count(FRAMES_READ);
        List<DecodedCode> codes = decoder.decode(frame.image());
        if (codes.isEmpty()) {
            count(FRAMES_WITHOUT_CODE);
            LOG.debug("Camera scanner {}: no code in {}", id(), frame.name());
            return;
        }
        for (DecodedCode code : codes) {
            // Reading may have been switched off while this frame was being decoded.
            if (!readingEnabled) {
                LOG.debug("Camera scanner {} ignored a code of {} characters: reading is off", id(),
                        code.text().length());
                continue;
            }
            Instant now = context.clock().instant();
            if (!repeats.isNew(code.text(), now)) {
                LOG.debug("Camera scanner {} saw the same code again in {}; not published", id(), frame.name());
                continue;
            }
            count(CODES_PUBLISHED);
            LOG.info("Camera scanner {} read a code of {} characters in {} ({} in the frame)", id(),
                    code.text().length(), frame.name(), codes.size());
            publish(new DeviceEvent.QrScanned(id(), now, code.text(), DeviceEvent.ScanSource.CAMERA));
        }
    }

    @Override
    public void setReadingEnabled(boolean enabled) {
        // A new purpose starts afresh, and the last codes are forgotten once reading stops.
        repeats.forget();
        readingEnabled = enabled;
    }

    @Override
    public boolean takesDocuments() {
        return documents;
    }

    @Override
    public CompletableFuture<Page> capture(Duration timeout) {
        if (!documents) {
            return CompletableFuture.failedFuture(new DeviceException(DeviceException.Code.UNSUPPORTED,
                    DeviceStatusDetail.CONFIGURATION_ERROR, id() + " is not set up to photograph documents"));
        }
        DeviceStatusInfo now = status();
        if (!now.isUsable()) {
            return CompletableFuture.failedFuture(new DeviceException(DeviceException.Code.NOT_CONNECTED,
                    now.detail(), id() + " cannot take pictures now: " + now.status()));
        }
        CompletableFuture<Page> page = new CompletableFuture<>();
        CompletableFuture<Page> replaced = capture.getAndSet(page);
        if (replaced != null) {
            replaced.completeExceptionally(new DeviceException(DeviceException.Code.DEVICE_FAULT,
                    DeviceStatusDetail.NONE, "a later request replaced this one"));
        }
        source.retryNow(); // look at the folder now, not at the next interval
        return page.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> {
                    capture.compareAndSet(page, null);
                    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    return CompletableFuture.failedFuture(cause instanceof TimeoutException
                            ? new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                                    id() + " delivered no picture within " + timeout.toMillis() + " ms")
                            : cause);
                });
    }

    @Override
    public boolean hasLivePreview() {
        return source.isLive();
    }

    @Override
    public Watch watch(int maxPerSecond, int maxWidth, Consumer<Picture> viewer) {
        return previews.add(maxPerSecond, maxWidth, viewer);
    }

    public boolean isReadingEnabled() {
        return readingEnabled;
    }

    public CameraScannerStatistics statistics() {
        return new CameraScannerStatistics(counted(FRAMES_READ), counted(FRAMES_WITHOUT_CODE),
                counted(FRAMES_UNREADABLE), counted(CODES_PUBLISHED), lastUnreadable);
    }

    /** The frame thread checks in every interval; silence means it is stuck in a picture. */
    @Override
    protected void onSilence() {
        fail(new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                "the frame thread of " + source.describe() + " has not checked in for "
                        + silenceTimeout().toMillis() + " ms"),
                DeviceStatusInfo.offline(DeviceStatusDetail.NO_DATA_TIMEOUT, source.describe()));
    }

    /** The source retries by itself every interval; this only makes it look now. */
    @Override
    protected void onReconnect() {
        source.retryNow();
    }

    @Override
    protected void onClose() {
        source.close();
    }

    @Override
    protected String describe() {
        return source.describe();
    }
}
