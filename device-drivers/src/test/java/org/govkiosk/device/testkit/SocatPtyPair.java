package org.govkiosk.device.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Two linked pseudo-terminals made by a real {@code socat} process: what is written to one end is read at the
 * other, as on a null-modem cable. Killing socat is how a test pulls the cable.
 */
public final class SocatPtyPair implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final Path a;
    private final Path b;
    private final Path log;

    private SocatPtyPair(Process process, Path a, Path b, Path log) {
        this.process = process;
        this.a = a;
        this.b = b;
        this.log = log;
    }

    public static boolean socatInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test, saying why, where socat is missing. */
    public static void assumeSocat() {
        Assumptions.assumeTrue(socatInstalled(),
                "socat is not installed: serial tests need real ptys (apt-get install socat; CI installs it)");
    }

    /** Starts socat with links {@code dir/a} and {@code dir/b} and waits until it moves data. */
    public static SocatPtyPair start(Path dir) throws IOException, InterruptedException {
        assumeSocat();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path log = dir.resolve("socat.log");
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SocatPtyPair pair = new SocatPtyPair(p, a, b, log);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        // The links exist before socat's transfer loop runs; its log line says when it does.
        while (!(Files.exists(a) && Files.exists(b) && pair.log().contains("starting data transfer loop"))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                pair.close();
                throw new IOException("socat did not start within " + STARTUP + ": " + pair.log());
            }
            Thread.sleep(10);
        }
        return pair;
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    /** Kills socat at once (SIGKILL), like yanking the cable; the links stay behind, dangling. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
