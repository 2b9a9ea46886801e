package org.govkiosk.device.internal.driver.escpos;

import java.io.ByteArrayOutputStream;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.transport.Transport;
import org.govkiosk.device.transport.TransportListener;

/** A transport that keeps a copy of every byte it delivers: what the device at this end read off the line. */
final class RecordingTransport implements Transport {

    private final Transport inner;
    private final ByteArrayOutputStream received;

    RecordingTransport(Transport inner, ByteArrayOutputStream received) {
        this.inner = inner;
        this.received = received;
    }

    @Override
    public void open(TransportListener listener) throws DeviceException {
        inner.open(new TransportListener() {
            @Override
            public void onData(byte[] data) {
                received.writeBytes(data);
                listener.onData(data);
            }

            @Override
            public void onDisconnected(DeviceException cause) {
                listener.onDisconnected(cause);
            }
        });
    }

    @Override
    public void write(byte[] data) throws DeviceException {
        inner.write(data);
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String describe() {
        return "recording:" + inner.describe();
    }
}
