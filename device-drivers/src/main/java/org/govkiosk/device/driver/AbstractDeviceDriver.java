package org.govkiosk.device.driver;

import java.time.Duration;
import java.time.Instant;
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
import org.govkiosk.device.transport.Transport;
import org.govkiosk.device.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common life of a byte-protocol driver: start at once, connect in the background, turn every failure into
 * a status change. Subclasses implement {@link #onConnected()} (handshake, first status query) and
 * {@link #onBytes(byte[])} (feed the stream decoder). Reconnecting is the supervisor's decision.
 */
public abstract class AbstractDeviceDriver implements Device, SupervisedComponent, TransportListener {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractDeviceDriver.class);

    protected final DeviceConfig config;
    protected final Transport transport;
    protected final DeviceContext context;

    private final Object connectLock = new Object();
    private final DeviceStatusCell status;
    private volatile DeviceException lastFailure;
    private volatile Instant lastSignOfLife;
    private volatile boolean closed;

    protected AbstractDeviceDriver(DeviceConfig config, Transport transport, DeviceContext context) {
        this.config = Objects.requireNonNull(config);
        this.transport = Objects.requireNonNull(transport);
        this.context = Objects.requireNonNull(context);
        this.status = new DeviceStatusCell(this.config.id(), this.context);
        this.lastSignOfLife = context.clock().instant();
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public DeviceFamily family() {
        return config.family();
    }

    @Override
    public DeviceStatusInfo status() {
        return status.get();
    }

    @Override
    public void start() {
        if (!config.enabled()) {
            setStatus(DeviceStatusInfo.of(DeviceStatus.DISABLED, DeviceStatusDetail.DISABLED_BY_CONFIG));
            return;
        }
        setStatus(DeviceStatusInfo.of(DeviceStatus.INITIALIZING, DeviceStatusDetail.NONE));
        context.scheduler().execute(this::connect);
    }

    @Override
    public void reconnect() {
        if (!closed && config.enabled()) {
            context.scheduler().execute(this::connect);
        }
    }

    private void connect() {
        synchronized (connectLock) {
            if (closed || status.get().isUsable()) {
                return;
            }
            try {
                transport.close();
                transport.open(this);
                signOfLife();
                onConnected();
                lastFailure = null;
            } catch (DeviceException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                        "unexpected failure while connecting", e));
            }
        }
    }

    /** Called once the transport is open: talk to the device and set the status it reports. */
    protected abstract void onConnected() throws DeviceException;

    /** Bytes from the device, in order, in chunks of any size. Called on the transport's reader thread. */
    protected abstract void onBytes(byte[] data);

    /** Called after the link was lost or closed, to drop per-connection state (pending requests, decoders). */
    protected void onLinkLost() {
    }

    @Override
    public final void onData(byte[] data) {
        signOfLife();
        try {
            onBytes(data);
        } catch (RuntimeException e) {
            // A decoder bug must not kill the reader thread; the device stays connected.
            LOG.error("Device {} failed to handle {} bytes", id(), data.length, e);
        }
    }

    @Override
    public final void onDisconnected(DeviceException cause) {
        fail(cause);
    }

    /** Takes the device OFFLINE for the given reason and closes the link; the supervisor decides on a retry. */
    protected final void fail(DeviceException cause) {
        lastFailure = cause;
        transport.close();
        onLinkLost();
        DeviceStatusInfo previous = status.get();
        setStatus(DeviceStatusInfo.offline(cause.detail()));
        if (previous.status() != DeviceStatus.OFFLINE || previous.detail() != cause.detail()) {
            LOG.warn("Device {} ({}) offline: {}", id(), transport.describe(), cause.getMessage());
        }
    }

    @Override
    public void reportSilence() {
        fail(new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                "no answer for " + silenceTimeout().toMillis() + " ms"));
    }

    protected final void signOfLife() {
        lastSignOfLife = context.clock().instant();
    }

    @Override
    public Instant lastSignOfLife() {
        return lastSignOfLife;
    }

    @Override
    public Duration silenceTimeout() {
        return config.silenceTimeout();
    }

    @Override
    public Optional<DeviceException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    protected final void setStatus(DeviceStatusInfo next) {
        status.set(next);
    }

    protected final void publish(DeviceEvent event) {
        context.bus().publish(event);
    }

    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
        onLinkLost();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id() + " via " + transport.describe() + ", " + status.get().status() + "]";
    }
}
