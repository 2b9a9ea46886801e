package org.govkiosk.device.testkit;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.transport.TransportListener;

/** Collects what a transport delivers, for assertions; waits with timeouts instead of sleeping. */
public final class RecordingListener implements TransportListener {

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<byte[]> chunks = new CopyOnWriteArrayList<>();
    private final List<DeviceException> disconnects = new CopyOnWriteArrayList<>();
    private final CountDownLatch disconnected = new CountDownLatch(1);

    @Override
    public void onData(byte[] data) {
        chunks.add(data.clone());
        synchronized (received) {
            received.writeBytes(data);
            received.notifyAll();
        }
    }

    @Override
    public void onDisconnected(DeviceException cause) {
        disconnects.add(cause);
        disconnected.countDown();
    }

    /** Waits until at least {@code count} bytes arrived and returns all bytes so far (never fewer than asked). */
    public byte[] awaitBytes(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " bytes within " + timeout + ", got "
                            + received.size());
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return received.toByteArray();
        }
    }

    public byte[] bytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public List<byte[]> chunks() {
        return List.copyOf(chunks);
    }

    /** Waits for the first disconnect and returns it. */
    public DeviceException awaitDisconnect(Duration timeout) throws InterruptedException {
        if (!disconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no disconnect reported within " + timeout);
        }
        return disconnects.get(0);
    }

    public List<DeviceException> disconnects() {
        return List.copyOf(disconnects);
    }
}
