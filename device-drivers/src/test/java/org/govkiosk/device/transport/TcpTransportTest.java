package org.govkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.testkit.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local server socket on 127.0.0.1, standing in for a port-9100 printer. */
class TcpTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ServerSocket server;
    private TcpTransport transport;

    @BeforeEach
    void listen() throws Exception {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server.setSoTimeout((int) WAIT.toMillis());
        transport = new TcpTransport("127.0.0.1", server.getLocalPort());
    }

    @AfterEach
    void close() throws Exception {
        transport.close();
        server.close();
    }

    @Test
    void bytesFlowBothWays() throws Exception {
        RecordingListener listener = new RecordingListener();
        transport.open(listener);
        try (Socket printer = server.accept()) {
            transport.write(ascii("\u001b@hello"));
            printer.getOutputStream().write(new byte[] {0x12, 0x00});

            assertThat(readExactly(printer.getInputStream(), 7)).isEqualTo(ascii("\u001b@hello"));
            assertThat(listener.awaitBytes(2, WAIT)).isEqualTo(new byte[] {0x12, 0x00});
            assertThat(transport.isOpen()).isTrue();
        }
    }

    @Test
    void thePeerClosingIsReportedOnce() throws Exception {
        RecordingListener listener = new RecordingListener();
        transport.open(listener);
        Socket printer = server.accept();

        printer.close();

        DeviceException lost = listener.awaitDisconnect(WAIT);
        assertThat(lost.code()).isEqualTo(DeviceException.Code.DISCONNECTED);
        assertThat(lost.detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED);
        awaitReadersGone();
        assertThat(listener.disconnects()).hasSize(1);
        assertThat(transport.isOpen()).isFalse();
    }

    @Test
    void aRefusedConnectionIsPortNotFoundAndTransient() throws Exception {
        int port = server.getLocalPort();
        server.close(); // nothing listens there any more

        DeviceException e = catchThrowableOfType(DeviceException.class, () -> transport.open(new RecordingListener()));

        assertThat(e.code()).isEqualTo(DeviceException.Code.PORT_NOT_FOUND);
        assertThat(e.isFatal()).isFalse();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port);
        assertThat(transport.isOpen()).isFalse();
    }

    @Test
    void anUnknownHostIsPortNotFound() {
        TcpTransport nowhere = new TcpTransport("no-such-printer.invalid", 9100);

        DeviceException e = catchThrowableOfType(DeviceException.class, () -> nowhere.open(new RecordingListener()));

        assertThat(e.code()).isEqualTo(DeviceException.Code.PORT_NOT_FOUND);
        assertThat(e.detail()).isEqualTo(DeviceStatusDetail.PORT_NOT_FOUND);
        assertThat(e.getMessage()).contains("unknown host no-such-printer.invalid");
    }

    @Test
    void closeIsQuietIdempotentAndTheTransportConnectsAgain() throws Exception {
        RecordingListener first = new RecordingListener();
        transport.open(first);
        try (Socket firstPeer = server.accept()) {
            transport.close();
            transport.close();
            assertThat(transport.isOpen()).isFalse();
            assertThat(firstPeer.getInputStream().read()).as("the peer sees the close").isEqualTo(-1);
        }

        RecordingListener second = new RecordingListener();
        transport.open(second);
        try (Socket secondPeer = server.accept()) {
            secondPeer.getOutputStream().write(ascii("again"));
            assertThat(second.awaitBytes(5, WAIT)).isEqualTo(ascii("again"));
            transport.close();
            awaitReadersGone();
        }
        assertThat(first.disconnects()).as("a local close is not a disconnect").isEmpty();
        assertThat(second.disconnects()).as("a local close is not a disconnect").isEmpty();
    }

    @Test
    void openingTwiceIsRefusedAndWritingWhenClosedIsNotConnected() throws Exception {
        DeviceException notOpen = catchThrowableOfType(DeviceException.class, () -> transport.write(ascii("x")));
        transport.open(new RecordingListener());
        try (Socket printer = server.accept()) {
            DeviceException twice = catchThrowableOfType(DeviceException.class,
                    () -> transport.open(new RecordingListener()));

            assertThat(notOpen.code()).isEqualTo(DeviceException.Code.NOT_CONNECTED);
            assertThat(twice.code()).isEqualTo(DeviceException.Code.PORT_IN_USE);
        }
    }

    @Test
    void constructorRejectsAMissingHostOrABadPort() {
        assertThatThrownBy(() -> new TcpTransport("", 9100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpTransport("printer", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpTransport("printer", 70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TcpTransport("printer", 9100).describe()).isEqualTo("tcp:printer:9100");
    }

    private static byte[] readExactly(InputStream in, int n) throws Exception {
        byte[] out = in.readNBytes(n);
        assertThat(out).hasSize(n);
        return out;
    }

    /** Reader threads end right after reporting (or after a local close); then no further report can come. */
    private static void awaitReadersGone() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("tcp-reader-")) {
                t.join(WAIT.toMillis());
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
