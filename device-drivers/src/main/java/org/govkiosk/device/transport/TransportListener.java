package org.govkiosk.device.transport;

import org.govkiosk.device.DeviceException;

/** Receives what a {@link Transport} reads. Called on the transport's reader thread. */
public interface TransportListener {

    void onData(byte[] data);

    /** The link is gone (unplugged, peer closed, I/O error). Not called after a local {@link Transport#close()}. */
    void onDisconnected(DeviceException cause);
}
