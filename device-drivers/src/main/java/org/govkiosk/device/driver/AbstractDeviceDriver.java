package org.govkiosk.device.driver;

import java.util.Objects;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.transport.Transport;
import org.govkiosk.device.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device on a byte link ({@link Transport}): what {@link AbstractDevice} does, plus opening the link in the
 * background and feeding its bytes to the protocol. Subclasses implement {@link #onConnected()} (handshake, first
 * status query) and {@link #onBytes(byte[])} (feed the stream decoder). A failure closes the link; reconnecting is
 * the supervisor's decision.
 */
public abstract class AbstractDeviceDriver extends AbstractDevice implements TransportListener {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractDeviceDriver.class);

    protected final Transport transport;

    private final Object connectLock = new Object();

    protected AbstractDeviceDriver(DeviceConfig config, Transport transport, DeviceContext context) {
        super(config, context);
        this.transport = Objects.requireNonNull(transport);
    }

    @Override
    protected final void onStart() {
        context.scheduler().execute(this::connect);
    }

    @Override
    protected final void onReconnect() {
        context.scheduler().execute(this::connect);
    }

    private void connect() {
        synchronized (connectLock) {
            if (isClosed() || status().isUsable()) {
                return;
            }
            try {
                transport.close();
                transport.open(this);
                signOfLife();
                onConnected();
                clearFailure();
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

    /** Closes the link, then takes the device OFFLINE for the given reason; the supervisor decides on a retry. */
    @Override
    protected final void fail(DeviceException cause) {
        transport.close();
        onLinkLost();
        super.fail(cause);
    }

    /** Closes the link; a subclass that stops its own timers overrides this and calls up. */
    @Override
    protected void onClose() {
        transport.close();
        onLinkLost();
    }

    @Override
    protected final String describe() {
        return transport.describe();
    }
}
