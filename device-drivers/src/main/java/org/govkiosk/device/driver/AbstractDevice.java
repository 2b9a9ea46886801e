package org.govkiosk.device.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.supervisor.SupervisedComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every device has, whatever reaches it (a byte link, cupsd, PC/SC, a folder, the keyboard), kept once so
 * that the drivers agree on it: a lifecycle that starts and closes once whoever calls and from whatever thread,
 * the status and its change events, what the supervisor reads and asks for, and counters.
 * <p>
 * {@link #start()} shows DISABLED for a device switched off in the configuration, else INITIALIZING, then calls
 * {@link #onStart()} (which must return at once: the device connects in the background). {@link #close()} calls
 * {@link #onClose()} once. Both run under one lock, so a close that races a start waits for it and undoes it, and
 * a start after close does nothing. A failure goes through {@link #fail(DeviceException)}: OFFLINE with its detail,
 * remembered for the supervisor, whose code says whether a {@link #reconnect()} can help.
 */
public abstract class AbstractDevice implements Device, SupervisedComponent {

    /** Counted by the base: times the device went OFFLINE by a failure. */
    public static final String FAILURES = "failures";
    /** Counted by the base: times the supervisor declared the device silent. */
    public static final String SILENCES = "silences";
    /** Counted by the base: reconnects the supervisor asked for. */
    public static final String RECONNECTS = "reconnects";

    private static final Logger LOG = LoggerFactory.getLogger(AbstractDevice.class);

    protected final DeviceConfig config;
    protected final DeviceContext context;

    private final DeviceStatusCell status;
    private final DriverCounters counters = new DriverCounters();
    private final Object lifecycle = new Object();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile DeviceException lastFailure;
    private volatile Instant lastSignOfLife;

    protected AbstractDevice(DeviceConfig config, DeviceContext context) {
        this.config = Objects.requireNonNull(config, "config");
        this.context = Objects.requireNonNull(context, "context");
        this.status = new DeviceStatusCell(config.id(), context);
        this.lastSignOfLife = context.clock().instant();
    }

    /** Begins the device's background work (connect, poll, watch); returns at once. Runs at most once. */
    protected abstract void onStart();

    /** Stops the background work and releases what the device holds. Runs once, on the first close. */
    protected abstract void onClose();

    /** Where the device is reached (a port, a queue, a folder), for logs and technicians. */
    protected abstract String describe();

    @Override
    public final String id() {
        return config.id();
    }

    @Override
    public final DeviceFamily family() {
        return config.family();
    }

    @Override
    public final DeviceStatusInfo status() {
        return status.get();
    }

    @Override
    public final void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                return;
            }
            started = true;
            if (!config.enabled()) {
                setStatus(DeviceStatusInfo.of(DeviceStatus.DISABLED, DeviceStatusDetail.DISABLED_BY_CONFIG));
                return;
            }
            setStatus(DeviceStatusInfo.of(DeviceStatus.INITIALIZING, DeviceStatusDetail.NONE));
            try {
                onStart();
            } catch (RuntimeException e) {
                // start() must never throw (the registry starts the other devices regardless); say it as a status.
                fail(new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                        "could not start: " + e, e));
            }
        }
    }

    @Override
    public final void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            onClose();
        }
    }

    /** Whether the device was started and is enabled, not closed: only then is there work to retry. */
    protected final boolean isRunning() {
        return started && !closed && config.enabled();
    }

    protected final boolean isClosed() {
        return closed;
    }

    // --- supervision ---

    @Override
    public final void reconnect() {
        if (isRunning()) {
            count(RECONNECTS);
            onReconnect();
        }
    }

    /** Tries again now, in the background; the supervisor decided that it should. */
    protected abstract void onReconnect();

    @Override
    public final void reportSilence() {
        count(SILENCES);
        onSilence();
    }

    /** The device has not signed life for {@link #silenceTimeout()}: by default it is failed as lost. */
    protected void onSilence() {
        fail(new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                "no answer for " + silenceTimeout().toMillis() + " ms"));
    }

    /** Takes the device OFFLINE with the failure's detail; a driver with a link to drop overrides and calls up. */
    protected void fail(DeviceException cause) {
        fail(cause, DeviceStatusInfo.offline(cause.detail()));
    }

    /** Takes the device to {@code offline} (an OFFLINE status with arguments for its message) for {@code cause}. */
    protected final void fail(DeviceException cause, DeviceStatusInfo offline) {
        if (offline.status() != DeviceStatus.OFFLINE) {
            throw new IllegalArgumentException("a failure shows as OFFLINE, not " + offline.status());
        }
        lastFailure = cause;
        DeviceStatusInfo previous = status.get();
        setStatus(offline);
        if (previous.status() != DeviceStatus.OFFLINE || previous.detail() != offline.detail()) {
            count(FAILURES);
            LOG.warn("Device {} ({}) offline: {}", id(), describe(), cause.getMessage());
        }
    }

    /** The device works again: the supervisor has nothing left to retry. */
    protected final void clearFailure() {
        lastFailure = null;
    }

    @Override
    public final Optional<DeviceException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    protected final void signOfLife() {
        lastSignOfLife = context.clock().instant();
    }

    @Override
    public final Instant lastSignOfLife() {
        return lastSignOfLife;
    }

    @Override
    public Duration silenceTimeout() {
        return config.silenceTimeout();
    }

    // --- status, events, counters ---

    protected final void setStatus(DeviceStatusInfo next) {
        status.set(next);
    }

    protected final void publish(DeviceEvent event) {
        context.bus().publish(event);
    }

    protected final void count(String counter) {
        counters.add(counter, 1);
    }

    protected final void count(String counter, long n) {
        counters.add(counter, n);
    }

    protected final long counted(String counter) {
        return counters.get(counter);
    }

    /** Every counter of this device since it was made, by name; absent ones have not happened yet. */
    public final Map<String, Long> counters() {
        return counters.snapshot();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id() + " via " + describe() + ", " + status.get().status() + "]";
    }
}
