package org.govkiosk.app.ops;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What systemd does with $NOTIFY_SOCKET, for tests: a real unix datagram socket bound at a path (or an abstract
 * name), each datagram received kept as one message.
 */
final class NotifyReceiver implements AutoCloseable {

    interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] address, int length) throws LastErrorException;

        int setsockopt(int fd, int level, int option, byte[] value, int length) throws LastErrorException;

        NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;

    private final String name;
    private final int fd;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    /** @param name a socket path, or "@name" for the abstract namespace */
    NotifyReceiver(String name) {
        this.name = name;
        this.fd = LibC.C.socket(1, 2, 0);
        byte[] address = SystemdNotifier.sockaddr(name);
        LibC.C.bind(fd, address, address.length);
        // A receive timeout, so the reading thread notices close() within 100 ms.
        ByteBuffer timeval = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putLong(0).putLong(100_000);
        LibC.C.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval.array(), 16);
        reader = new Thread(this::receive, "notify-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    String name() {
        return name;
    }

    private void receive() {
        byte[] buffer = new byte[4096];
        while (open) {
            try {
                int n = LibC.C.recv(fd, buffer, new NativeLong(buffer.length), 0).intValue();
                String message = new String(buffer, 0, n, StandardCharsets.UTF_8);
                all.add(message);
                inbox.add(message);
            } catch (LastErrorException e) {
                // EAGAIN on the receive timeout: look at `open` and wait again
            }
        }
    }

    /** The next message that starts with {@code prefix} (others before it are skipped and returned too). */
    String awaitMessage(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            String m = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (m == null) {
                throw new AssertionError("no message starting with '" + prefix + "' within " + timeout
                        + "; received meanwhile: " + skipped + "; all so far: " + all);
            }
            if (m.startsWith(prefix)) {
                return m;
            }
            skipped.add(m);
        }
    }

    /** Messages received during the next {@code window}, from now. */
    List<String> collectFor(Duration window) throws InterruptedException {
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            String m = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (m != null) {
                got.add(m);
            }
        }
        return got;
    }

    void drain() {
        inbox.clear();
    }

    List<String> all() {
        return List.copyOf(all);
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join(2000);
        LibC.C.close(fd);
    }
}
