package org.govkiosk.device.transport;

import org.govkiosk.device.DeviceException;

/**
 * Bytes in, bytes out. A transport delivers what arrives to its listener on a reader thread of its own, in
 * arrival order, in chunks of any size: framing is the codec's job, never the read size's. When the other side
 * goes away the listener hears {@link TransportListener#onDisconnected} once.
 */
public interface Transport extends AutoCloseable {

    /** Opens the connection and starts delivering to {@code listener}. OS failures map to {@link DeviceException.Code}s. */
    void open(TransportListener listener) throws DeviceException;

    void write(byte[] data) throws DeviceException;

    boolean isOpen();

    /** Closes quietly; a transport can be opened again after it is closed. */
    @Override
    void close();

    /** Where it leads, for logs and the technician's dashboard. */
    String describe();
}
