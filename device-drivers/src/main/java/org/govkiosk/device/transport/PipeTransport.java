package org.govkiosk.device.transport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;

/**
 * One end of an in-memory byte pipe: what one end writes, the other end's listener receives, on a delivery
 * thread of the receiving end. Used to connect drivers to in-process simulators. {@link #unplug()} behaves like
 * pulling the cable: both ends see a disconnect.
 */
public final class PipeTransport implements Transport {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final byte[] POISON = new byte[0];

    private final String name;
    private PipeTransport peer;
    private final Object lock = new Object();
    private BlockingQueue<byte[]> inbox;
    private Thread deliverer;
    private volatile TransportListener listener;
    private volatile boolean open;
    private volatile boolean unplugged;

    private PipeTransport(String name) {
        this.name = name;
    }

    /** Creates two connected ends: {@code [0]} for the driver, {@code [1]} for the simulator. */
    public static PipeTransport[] pair(String name) {
        int n = COUNTER.incrementAndGet();
        PipeTransport a = new PipeTransport(name + "#" + n + "/host");
        PipeTransport b = new PipeTransport(name + "#" + n + "/device");
        a.peer = b;
        b.peer = a;
        return new PipeTransport[] {a, b};
    }

    @Override
    public void open(TransportListener newListener) throws DeviceException {
        synchronized (lock) {
            if (unplugged) {
                throw new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND,
                        name + " is unplugged");
            }
            if (open) {
                throw new DeviceException(DeviceException.Code.PORT_IN_USE, DeviceStatusDetail.PORT_IN_USE,
                        name + " is already open");
            }
            listener = newListener;
            BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
            inbox = queue;
            open = true;
            deliverer = new Thread(() -> deliver(queue, newListener), "pipe-" + name);
            deliverer.setDaemon(true);
            deliverer.start();
        }
    }

    private void deliver(BlockingQueue<byte[]> queue, TransportListener target) {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == POISON) {
                    return;
                }
                target.onData(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(byte[] data) throws DeviceException {
        if (!open) {
            throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.DISCONNECTED,
                    name + " is not open");
        }
        peer.receive(data.clone());
    }

    private void receive(byte[] data) {
        BlockingQueue<byte[]> queue = inbox;
        if (open && queue != null && data.length > 0) {
            queue.add(data);
        }
        // Bytes sent to a closed end are lost, as on a real wire.
    }

    /** Pulls the cable: both ends are closed and told; opening fails until {@link #replug()}. */
    public void unplug() {
        unplugOne();
        peer.unplugOne();
    }

    private void unplugOne() {
        TransportListener toTell;
        synchronized (lock) {
            unplugged = true;
            toTell = open ? listener : null;
            stop();
        }
        if (toTell != null) {
            toTell.onDisconnected(new DeviceException(DeviceException.Code.DISCONNECTED,
                    DeviceStatusDetail.DISCONNECTED, name + " was unplugged"));
        }
    }

    public void replug() {
        synchronized (lock) {
            unplugged = false;
        }
        synchronized (peer.lock) {
            peer.unplugged = false;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        synchronized (lock) {
            stop();
        }
    }

    private void stop() {
        if (open) {
            open = false;
            inbox.add(POISON);
            inbox = null;
            listener = null;
        }
    }

    @Override
    public String describe() {
        return "pipe:" + name;
    }
}
