package org.govkiosk.device.internal.driver.smartcard;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A pcscd for integration tests: started in the foreground with debug output to a log file, so the test owns it
 * and can stop and restart it. Ours reads its own reader.conf.d, in which vpcd listens on a free port (the
 * package's config fixes 35963, which anything else on the machine may hold). Where a pcscd already runs (not
 * ours), it is reused with the package's port and never stopped.
 */
final class PcscdProcess implements AutoCloseable {

    static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Duration STARTUP = Duration.ofSeconds(15);
    /** The port in Debian's /etc/reader.conf.d/vpcd, which a foreign pcscd reads. */
    static final int PACKAGE_VPCD_PORT = 0x8C7B;

    private final Path log;
    private final Path confDir;
    private Process process;
    private int vpcdPort = PACKAGE_VPCD_PORT;

    private PcscdProcess(Path log) {
        this.log = log;
        this.confDir = log.resolveSibling("reader.conf.d");
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(PCSCD),
                "pcscd is not installed: PC/SC tests need it (apt-get install pcscd vsmartcard-vpcd)");
        Assumptions.assumeTrue(Files.exists(VPCD_DRIVER),
                "the vpcd driver is not installed: PC/SC tests need it (apt-get install vsmartcard-vpcd)");
    }

    /** Another pcscd (a system service, another test run) that is not ours to stop. */
    static boolean foreignPcscdRunning() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).anyMatch(p -> {
                try {
                    return Files.readString(p.resolve("comm")).trim().equals("pcscd")
                            && !Files.readString(p.resolve("stat")).contains(") Z ");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** Ours when no pcscd runs yet; else the running one, which {@link #owned()} says is not ours. */
    static PcscdProcess startOrReuse(Path log) throws IOException, InterruptedException {
        assumeInstalled();
        PcscdProcess p = new PcscdProcess(log);
        if (!foreignPcscdRunning()) {
            p.start();
        }
        return p;
    }

    boolean owned() {
        return process != null;
    }

    /** Where vpcd waits for our card emulator to connect. */
    int vpcdPort() {
        return vpcdPort;
    }

    /** Starts ours; a restart keeps the port it chose first, as a reinstalled card reader keeps its cable. */
    void start() throws IOException, InterruptedException {
        if (!Files.exists(confDir)) {
            vpcdPort = freePort();
            Files.createDirectories(confDir);
            Files.writeString(confDir.resolve("vpcd"), String.format("""
                    FRIENDLYNAME "Virtual PCD"
                    DEVICENAME   /dev/null:0x%04X
                    LIBPATH      %s
                    CHANNELID    0x%04X
                    """, vpcdPort, VPCD_DRIVER, vpcdPort));
        }
        process = new ProcessBuilder(PCSCD.toString(), "--foreground", "--debug", "--config", confDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!Files.exists(SOCKET)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("pcscd did not start within " + STARTUP + "; log: " + log());
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** SIGTERM, as a service manager stops it; SIGKILL if it does not go. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    String log() {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
