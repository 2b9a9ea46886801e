package org.govkiosk.device.internal.driver.qr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig;
import org.govkiosk.device.internal.codec.qr.ScanFrameDecoder;
import org.govkiosk.device.internal.codec.qr.ScanResult;
import org.govkiosk.device.driver.AbstractDeviceDriver;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial scan engine. ONLINE once the port is open: engines say nothing until something is scanned, so there
 * is no silence check. Publishes {@link DeviceEvent.QrScanned} only while reading is enabled (personal codes are
 * read for a purpose, not by chance), and once per presentation: the same code again within the de-bounce
 * window, measured from its latest read, is a phone still held in front of a continuously reading engine.
 * Payloads are never logged; only their length.
 */
public final class SerialQrScannerDriver extends AbstractDeviceDriver implements QrScanner {

    private static final Logger LOG = LoggerFactory.getLogger(SerialQrScannerDriver.class);

    private final QrScannerSettings settings;
    private final ScanFrameDecoder decoder;
    private final Object decoderLock = new Object();
    private ScheduledFuture<?> gapFlush;
    private volatile boolean readingEnabled;
    private final Object debounceLock = new Object();
    /** A digest, not the payload: the code itself need not stay in memory for the window. */
    private byte[] lastDigest;
    private Instant lastSeen;

    /** @throws IllegalArgumentException when the config's options are invalid (the factory validates first) */
    public SerialQrScannerDriver(DeviceConfig config, Transport transport, DeviceContext context) {
        this(config, transport, context, QrScannerSettings.require(config));
    }

    SerialQrScannerDriver(DeviceConfig config, Transport transport, DeviceContext context,
            QrScannerSettings settings) {
        super(config, transport, context);
        this.settings = settings;
        this.decoder = new ScanFrameDecoder(settings.frame());
    }

    @Override
    protected void onConnected() {
        synchronized (decoderLock) {
            decoder.reset();
        }
        setStatus(DeviceStatusInfo.online());
    }

    @Override
    protected void onBytes(byte[] data) {
        synchronized (decoderLock) {
            handle(decoder.feed(data));
            if (settings.frame().terminator() == ScanFrameConfig.Terminator.NONE && decoder.hasPending()) {
                if (gapFlush != null) {
                    gapFlush.cancel(false);
                }
                gapFlush = context.scheduler().schedule(this::endScanAfterGap,
                        settings.interByteGap().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void endScanAfterGap() {
        synchronized (decoderLock) {
            handle(decoder.flush());
        }
    }

    @Override
    protected void onLinkLost() {
        synchronized (decoderLock) {
            decoder.reset();
            if (gapFlush != null) {
                gapFlush.cancel(false);
                gapFlush = null;
            }
        }
    }

    /** Called under the decoder lock, so scans are published in the order they were read. */
    private void handle(List<ScanResult> results) {
        for (ScanResult r : results) {
            if (r instanceof ScanResult.Scanned s) {
                scanned(s);
            } else if (r instanceof ScanResult.FrameError e) {
                LOG.warn("Scanner {} dropped a scan: {} ({} bytes)", id(), e.reason(), e.length());
            }
        }
    }

    private void scanned(ScanResult.Scanned scan) {
        int length = scan.payload().length();
        if (!readingEnabled) {
            LOG.debug("Scanner {} ignored a code of {} characters: reading is off", id(), length);
            return;
        }
        Instant now = context.clock().instant();
        byte[] digest = digest(scan.payload());
        synchronized (debounceLock) {
            boolean repeat = lastDigest != null && MessageDigest.isEqual(lastDigest, digest)
                    && Duration.between(lastSeen, now).compareTo(settings.debounce()) < 0;
            lastDigest = digest;
            lastSeen = now;
            if (repeat) {
                LOG.debug("Scanner {} read the same code again within {} ms; not published", id(),
                        settings.debounce().toMillis());
                return;
            }
        }
        LOG.info("Scanner {} read a code of {} characters{}", id(), length,
                scan.symbology().isEmpty() ? "" : " (AIM ]" + scan.symbology() + ")");
        publish(new DeviceEvent.QrScanned(id(), now, scan.payload(), DeviceEvent.ScanSource.SERIAL));
    }

    @Override
    public void setReadingEnabled(boolean enabled) {
        synchronized (debounceLock) {
            // A new purpose starts afresh, and the last code is forgotten once reading stops.
            lastDigest = null;
            lastSeen = null;
        }
        readingEnabled = enabled;
    }

    public boolean isReadingEnabled() {
        return readingEnabled;
    }

    @Override
    public Duration silenceTimeout() {
        return Duration.ZERO;
    }

    private static byte[] digest(String payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
