package org.govkiosk.app.diag;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Two linked pseudo-terminals made by a real {@code socat}, as the device-drivers tests use them (their helper lives
 * in that module's tests, which this module cannot see): the device's simulator on one end, diag on the other.
 */
final class SocatPtys implements AutoCloseable {

    private final Process process;
    private final Path host;
    private final Path device;

    private SocatPtys(Process process, Path host, Path device) {
        this.process = process;
        this.host = host;
        this.device = device;
    }

    static SocatPtys start(Path dir, String name) throws IOException, InterruptedException {
        Assumptions.assumeTrue(socatInstalled(),
                "socat is not installed: serial tests need real ptys (apt-get install socat; CI installs it)");
        Path host = dir.resolve(name + "-host");
        Path device = dir.resolve(name + "-dev");
        Path log = dir.resolve(name + "-socat.log");
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + host,
                "pty,raw,echo=0,link=" + device).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        // The links exist before socat's transfer loop runs; its log line says when it does.
        while (!(Files.exists(host) && Files.exists(device) && Files.readString(log).contains("starting data transfer"))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("socat did not start: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
        return new SocatPtys(p, host, device);
    }

    private static boolean socatInstalled() {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "socat")));
    }

    /** The end diag (the terminal's driver) opens. */
    Path host() {
        return host;
    }

    /** The end the simulator serves. */
    Path device() {
        return device;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
