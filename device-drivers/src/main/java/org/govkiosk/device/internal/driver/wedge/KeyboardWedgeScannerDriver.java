package org.govkiosk.device.internal.driver.wedge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.KeyboardWedgeScanner;
import org.govkiosk.device.driver.AbstractDevice;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.wedge.KeyBurstDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner that presents itself as a USB keyboard. It has no link of its own to watch: the terminal's UI
 * captures fast key bursts ({@link KeyBurstDetector}) and hands each code to {@link #scanned(String)}, which
 * publishes the same {@link DeviceEvent.QrScanned} a serial engine does, under the same rules: only while reading
 * is enabled, once per presentation (de-bounce), payload never logged.
 */
public final class KeyboardWedgeScannerDriver extends AbstractDevice implements KeyboardWedgeScanner {

    private static final Logger LOG = LoggerFactory.getLogger(KeyboardWedgeScannerDriver.class);

    private final KeyboardWedgeSettings settings;
    private volatile boolean readingEnabled;
    private byte[] lastDigest;
    private Instant lastSeen;

    public KeyboardWedgeScannerDriver(DeviceConfig config, DeviceContext context, KeyboardWedgeSettings settings) {
        super(config, context);
        this.settings = settings;
    }

    public KeyboardWedgeSettings settings() {
        return settings;
    }

    /** A new detector with this scanner's timing, for the UI that watches the keyboard. */
    @Override
    public KeyBurstDetector newDetector() {
        return new KeyBurstDetector(settings.minLength(), settings.maxKeyGap().toNanos());
    }

    @Override
    protected void onStart() {
        // A keyboard is there or not at the OS level; what the terminal can know is that it listens.
        setStatus(DeviceStatusInfo.online());
    }

    /** Nothing to reconnect: the OS owns the keyboard. */
    @Override
    protected void onReconnect() {
    }

    /** Nothing to hear from between scans: the supervisor never declares it lost. */
    @Override
    public Duration silenceTimeout() {
        return Duration.ZERO;
    }

    @Override
    protected String describe() {
        return "keyboard";
    }

    /** One code the UI captured; ignored unless reading is on. */
    @Override
    public void scanned(String payload) {
        if (payload == null || payload.isEmpty()) {
            return;
        }
        if (!readingEnabled || !status().isUsable()) {
            LOG.debug("Scanner {} ignored a code of {} characters: reading is off", id(), payload.length());
            return;
        }
        Instant now = context.clock().instant();
        byte[] digest = digest(payload);
        synchronized (this) {
            boolean repeat = lastDigest != null && MessageDigest.isEqual(lastDigest, digest)
                    && Duration.between(lastSeen, now).compareTo(settings.debounce()) < 0;
            lastDigest = digest;
            lastSeen = now;
            if (repeat) {
                return;
            }
        }
        LOG.info("Scanner {} read a code of {} characters (keyboard wedge)", id(), payload.length());
        publish(new DeviceEvent.QrScanned(id(), now, payload, DeviceEvent.ScanSource.KEYBOARD_WEDGE));
    }

    @Override
    public void setReadingEnabled(boolean enabled) {
        synchronized (this) {
            lastDigest = null;
            lastSeen = null;
        }
        readingEnabled = enabled;
    }

    public boolean isReadingEnabled() {
        return readingEnabled;
    }

    @Override
    protected void onClose() {
        readingEnabled = false;
        setStatus(DeviceStatusInfo.of(DeviceStatus.DISABLED, DeviceStatusDetail.DISABLED_BY_CONFIG));
    }

    private static byte[] digest(String payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
