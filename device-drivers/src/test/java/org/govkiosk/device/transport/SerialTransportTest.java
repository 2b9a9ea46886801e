package org.govkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.testkit.RecordingListener;
import org.govkiosk.device.testkit.SocatPtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against real pseudo-terminals made by socat; skipped, saying why, where socat is missing. */
class SerialTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SocatPtyPair ptys() throws Exception {
        SocatPtyPair pair = SocatPtyPair.start(dir);
        toClose.add(pair);
        return pair;
    }

    private SerialTransport serial(Path path) {
        SerialTransport t = new SerialTransport(path.toString(), 115_200);
        toClose.add(t);
        return t;
    }

    @Test
    void bytesFlowBothWays() throws Exception {
        SocatPtyPair ptys = ptys();
        SerialTransport a = serial(ptys.a());
        SerialTransport b = serial(ptys.b());
        RecordingListener atA = new RecordingListener();
        RecordingListener atB = new RecordingListener();
        a.open(atA);
        b.open(atB);

        a.write(ascii("PING\r\n"));
        b.write(ascii("PONG\r\n"));

        assertThat(atB.awaitBytes(6, WAIT)).isEqualTo(ascii("PING\r\n"));
        assertThat(atA.awaitBytes(6, WAIT)).isEqualTo(ascii("PONG\r\n"));
        assertThat(a.isOpen()).isTrue();
        assertThat(a.describe()).isEqualTo("serial:" + ptys.a() + "@115200");
    }

    @Test
    void sixtyFourKibibytesOfEveryByteValueArriveWholeAndInOrder() throws Exception {
        SocatPtyPair ptys = ptys();
        SerialTransport a = serial(ptys.a());
        SerialTransport b = serial(ptys.b());
        RecordingListener atA = new RecordingListener();
        RecordingListener atB = new RecordingListener();
        a.open(atA);
        b.open(atB);
        byte[] there = new byte[64 * 1024];
        new Random(42).nextBytes(there);
        for (int i = 0; i < 256; i++) {
            there[i] = (byte) i; // XON/XOFF, CR, LF and NUL must pass untouched
        }
        byte[] back = new byte[64 * 1024];
        new Random(7).nextBytes(back);

        Thread writer = new Thread(() -> {
            try {
                b.write(back);
            } catch (DeviceException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        a.write(there);
        writer.join(WAIT.toMillis());

        assertThat(atB.awaitBytes(there.length, WAIT)).isEqualTo(there);
        assertThat(atA.awaitBytes(back.length, WAIT)).isEqualTo(back);
        assertThat(atB.chunks()).as("framing never relies on read size").hasSizeGreaterThan(1);
    }

    @Test
    void killingSocatReportsTheDisconnectOnceAtBothEnds() throws Exception {
        SocatPtyPair ptys = ptys();
        SerialTransport a = serial(ptys.a());
        SerialTransport b = serial(ptys.b());
        RecordingListener atA = new RecordingListener();
        RecordingListener atB = new RecordingListener();
        a.open(atA);
        b.open(atB);

        ptys.kill();

        DeviceException lostA = atA.awaitDisconnect(WAIT);
        atB.awaitDisconnect(WAIT);
        assertThat(lostA.code()).isEqualTo(DeviceException.Code.DISCONNECTED);
        assertThat(lostA.detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED);
        assertThat(lostA.isFatal()).isFalse();
        assertThat(lostA.getMessage()).contains(ptys.a().toString());
        awaitReadersGone();
        assertThat(atA.disconnects()).hasSize(1);
        assertThat(atB.disconnects()).hasSize(1);
        assertThat(a.isOpen()).isFalse();
        assertThatThrownBy(() -> a.write(ascii("x"))).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.NOT_CONNECTED));
    }

    @Test
    void aMissingPathIsPortNotFound() {
        SerialTransport t = serial(dir.resolve("ttyUSB9"));

        DeviceException e = catchThrowableOfType(DeviceException.class, () -> t.open(new RecordingListener()));

        assertThat(e.code()).isEqualTo(DeviceException.Code.PORT_NOT_FOUND);
        assertThat(e.detail()).isEqualTo(DeviceStatusDetail.PORT_NOT_FOUND);
        assertThat(e.getMessage()).contains("ttyUSB9");
        assertThat(t.isOpen()).isFalse();
    }

    @Test
    void aNodeThisUserMayNotUseIsPermissionDenied() throws Exception {
        Path node = org.govkiosk.testkit.DeniedFiles.notReadWrite(dir.resolve("ttyS7"));
        SerialTransport t = serial(node);

        DeviceException e = catchThrowableOfType(DeviceException.class, () -> t.open(new RecordingListener()));

        assertThat(e.code()).isEqualTo(DeviceException.Code.PORT_PERMISSION_DENIED);
        assertThat(e.isFatal()).isTrue();
    }

    @Test
    void aPortOpenElsewhereInThisProcessIsInUse() throws Exception {
        SocatPtyPair ptys = ptys();
        SerialTransport first = serial(ptys.a());
        SerialTransport second = serial(ptys.a());
        first.open(new RecordingListener());

        DeviceException again = catchThrowableOfType(DeviceException.class, () -> first.open(new RecordingListener()));
        DeviceException other = catchThrowableOfType(DeviceException.class,
                () -> second.open(new RecordingListener()));

        assertThat(again.code()).isEqualTo(DeviceException.Code.PORT_IN_USE);
        assertThat(other.code()).isEqualTo(DeviceException.Code.PORT_IN_USE);
        assertThat(first.isOpen()).isTrue();
    }

    @Test
    void aPortLockedByAnotherProgramIsInUse() throws Exception {
        SocatPtyPair ptys = ptys();
        Process holder = lockWithFlock(ptys.a());
        try {
            SerialTransport t = serial(ptys.a());

            DeviceException e = catchThrowableOfType(DeviceException.class, () -> t.open(new RecordingListener()));

            assertThat(e.code()).isEqualTo(DeviceException.Code.PORT_IN_USE);
            assertThat(e.getMessage()).contains("another program");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeIsQuietIdempotentAndTheTransportOpensAgain() throws Exception {
        SocatPtyPair ptys = ptys();
        SerialTransport a = serial(ptys.a());
        SerialTransport b = serial(ptys.b());
        RecordingListener firstA = new RecordingListener();
        RecordingListener atB = new RecordingListener();
        a.open(firstA);
        b.open(atB);

        a.close();
        a.close();
        assertThat(a.isOpen()).isFalse();
        RecordingListener secondA = new RecordingListener();
        a.open(secondA);
        b.write(ascii("after reopen"));
        a.write(ascii("hi"));

        assertThat(secondA.awaitBytes(12, WAIT)).isEqualTo(ascii("after reopen"));
        assertThat(atB.awaitBytes(2, WAIT)).isEqualTo(ascii("hi"));
        assertThat(firstA.disconnects()).as("a local close is not a disconnect").isEmpty();
        assertThat(firstA.bytes()).isEmpty();
    }

    @Test
    void constructorRejectsAMissingPathOrBaudRate() {
        assertThatThrownBy(() -> new SerialTransport(" ", 9600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialTransport("/dev/ttyS0", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Holds an exclusive flock on the node from another process, as a second program using the port would. */
    private static Process lockWithFlock(Path node) throws IOException {
        Assumptions.assumeTrue(onPath("flock"), "flock(1) is not installed: cannot hold a port from outside");
        Process p = new ProcessBuilder("flock", "-x", node.toString(), "-c", "echo locked; exec sleep 60")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IOException("flock did not take the lock: " + line);
        }
        return p;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** The reader threads end right after reporting; once they are gone no further report can come. */
    private static void awaitReadersGone() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("serial-reader-")) {
                t.join(WAIT.toMillis());
                assertThat(t.isAlive()).as("reader thread %s still running", t.getName()).isFalse();
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
