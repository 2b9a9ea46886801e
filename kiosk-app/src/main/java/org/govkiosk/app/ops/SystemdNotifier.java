package org.govkiosk.app.ops;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * sd_notify(3) without libsystemd: one unix datagram per message to {@code $NOTIFY_SOCKET}. The JDK 17 has unix
 * stream sockets only, so the three libc calls go through JNA. With {@code NotifyAccess=main} systemd accepts the
 * messages only from the service's main process, which is why this sends from inside the JVM instead of running
 * {@code systemd-notify}.
 */
public final class SystemdNotifier {

    static final String SOCKET_VARIABLE = "NOTIFY_SOCKET";
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    /** sizeof(sockaddr_un.sun_path) on Linux. */
    private static final int MAX_PATH = 108;

    /** The libc calls needed; errno comes back as {@link LastErrorException}. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static volatile LibC libc;

    private final String socket;
    private final byte[] address;

    private SystemdNotifier(String socket) {
        this.socket = socket;
        this.address = sockaddr(socket);
    }

    /** The notifier for {@code $NOTIFY_SOCKET}, or empty when not started by systemd with Type=notify. */
    public static Optional<SystemdNotifier> fromEnvironment(Map<String, String> env) {
        String socket = env.get(SOCKET_VARIABLE);
        if (socket == null || socket.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SystemdNotifier(socket));
    }

    /** Sends one message such as {@code READY=1} or {@code WATCHDOG=1\nSTATUS=...}. */
    public void notify(String state) throws NotifyException {
        byte[] message = state.getBytes(StandardCharsets.UTF_8);
        LibC c = libc();
        int fd;
        try {
            fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new NotifyException("socket(AF_UNIX, SOCK_DGRAM) failed: errno " + e.getErrorCode(), e);
        }
        try {
            // A socket per message, as libsystemd does: nothing to keep open or reconnect after systemd restarts.
            c.sendto(fd, message, new NativeLong(message.length), MSG_NOSIGNAL, address, address.length);
        } catch (LastErrorException e) {
            throw new NotifyException("sending '" + state.lines().findFirst().orElse("") + "' to " + socket
                    + " failed: errno " + e.getErrorCode(), e);
        } finally {
            c.close(fd);
        }
    }

    public String socket() {
        return socket;
    }

    /** sockaddr_un for a path, or for the abstract namespace when the name starts with '@' (a leading NUL). */
    static byte[] sockaddr(String socket) {
        byte[] path = socket.getBytes(StandardCharsets.UTF_8);
        boolean isAbstract = path.length > 0 && path[0] == '@';
        if (isAbstract) {
            path[0] = 0;
        }
        if (path.length >= MAX_PATH) {
            throw new IllegalArgumentException(SOCKET_VARIABLE + " is longer than " + (MAX_PATH - 1) + " bytes: " + socket);
        }
        // Abstract names are exactly their bytes; paths end with a NUL.
        ByteBuffer b = ByteBuffer.allocate(2 + path.length + (isAbstract ? 0 : 1)).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_UNIX).put(path);
        return b.array();
    }

    private static LibC libc() {
        LibC c = libc;
        if (c == null) {
            c = Native.load("c", LibC.class);
            libc = c;
        }
        return c;
    }

    /** A message could not be sent; the caller logs it once and goes on (the watchdog then restarts us). */
    public static final class NotifyException extends Exception {
        private static final long serialVersionUID = 1L;

        NotifyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
